import { sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'

type Row = Record<string, unknown>

/** The next batch of a table's rows after `after` by its key, locked, with the named columns. */
export async function lockBatch(
  trx: Transaction<Database>,
  { table, key, columns }: { table: string; key: string; columns: readonly string[] },
  after: unknown,
  batchSize: number,
): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select ${sql.join([key, ...columns].map((name) => sql.ref(name)))}
    from ${sql.table(table)}
    where ${after === undefined ? sql`true` : sql`${sql.ref(key)} > ${after}`}
    order by ${sql.ref(key)} limit ${batchSize} for update`.execute(trx)
  return rows
}

/** Writes new values into some columns of one row. */
export async function updateColumns(
  trx: Transaction<Database>,
  { table, key }: { table: string; key: string },
  id: unknown,
  values: Record<string, string>,
): Promise<void> {
  const changes = Object.entries(values).map(
    ([column, value]) => sql`${sql.ref(column)} = ${value}`,
  )
  if (changes.length === 0) return
  await sql`update ${sql.table(table)} set ${sql.join(changes)}
    where ${sql.ref(key)} = ${id}`.execute(trx)
}
