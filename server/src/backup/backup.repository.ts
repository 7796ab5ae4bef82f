import { type Kysely, sql } from 'kysely'
import { ENCRYPTED_COLUMNS } from '../crypto/encrypted-columns.ts'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

/** Every table of the app's schema, read from the catalog: a new table is counted unasked. */
export async function appTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname`.execute(db)
  return rows.map((row) => row.name)
}

/** Exact row counts, table by table (a full scan each: a backup reads everything anyway). */
export async function countRows(db: Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int8 as n from ${sql.table(table)}`.execute(db)
    counts[table] = Number(rows[0]?.n ?? 0)
  }
  return counts
}

/** The key ids (`<keyId>.<alg>.<payload>`) the stored ciphertexts were sealed with. */
export async function keyIdsInUse(db: Db): Promise<string[]> {
  const ids = new Set<string>()
  for (const { table, columns } of ENCRYPTED_COLUMNS) {
    for (const column of columns) {
      const { rows } = await sql<{ id: string }>`
        select distinct split_part(${sql.ref(column)}, '.', 1) as id from ${sql.table(table)}
        where ${sql.ref(column)} is not null`.execute(db)
      for (const row of rows) ids.add(row.id)
    }
  }
  return [...ids].sort()
}

/** One stored ciphertext per key id of a column: what a restore decrypts to test its keys. */
export async function ciphertextSamples(db: Db, table: string, column: string): Promise<string[]> {
  const { rows } = await sql<{ value: string }>`
    select distinct on (split_part(${sql.ref(column)}, '.', 1)) ${sql.ref(column)} as value
    from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db)
  return rows.map((row) => row.value)
}

/** One row's ciphertext with its blind index, to recompute the index with today's key. */
export async function blindIndexSample(
  db: Db,
  { table, encrypted, index }: { table: string; encrypted: string; index: string },
): Promise<{ value: string; index: string } | undefined> {
  const { rows } = await sql<{ value: string; index: string }>`
    select ${sql.ref(encrypted)} as value, ${sql.ref(index)} as index from ${sql.table(table)}
    where ${sql.ref(encrypted)} is not null and ${sql.ref(index)} is not null limit 1`.execute(db)
  return rows[0]
}

/** Tables of a schema on a PostgreSQL server, before anything is restored into it. */
export async function tablesInSchema(db: Db, schema: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int8 as n from pg_catalog.pg_tables where schemaname = ${schema}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

export async function schemaExists(db: Db, schema: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int8 as n from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db)
  return Number(rows[0]?.n ?? 0) > 0
}

export async function installedExtensions(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select extname as name from pg_catalog.pg_extension order by extname`.execute(db)
  return rows.map((row) => row.name)
}
