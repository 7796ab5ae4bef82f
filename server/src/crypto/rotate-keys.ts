import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ENCRYPTED_COLUMNS } from './encrypted-columns.ts'
import type { FieldCipher } from './field-cipher.ts'

type Entry = (typeof ENCRYPTED_COLUMNS)[number]
type Row = Record<string, unknown>

export interface ColumnRotation {
  table: string
  column: string
  rotated: number
  current: number
  empty: number
}

export interface RotateOptions {
  batchSize?: number
  log?: (line: string) => void
  columns?: Entry[]
}

/**
 * Re-encrypts every registered column value that is not under the active key and
 * algorithm. Batches walk the primary key (keyset), each in its own short transaction
 * holding row locks, so a live server keeps working and a stopped run can be restarted.
 */
export async function rotateKeys(
  db: Kysely<Database>,
  cipher: FieldCipher,
  { batchSize = 1000, log = () => {}, columns = ENCRYPTED_COLUMNS }: RotateOptions = {},
): Promise<ColumnRotation[]> {
  const results: ColumnRotation[] = []
  for (const entry of columns) {
    const counts = entry.columns.map((column) => ({
      table: entry.table,
      column,
      rotated: 0,
      current: 0,
      empty: 0,
    }))
    let after: unknown
    for (;;) {
      const batch = await db
        .transaction()
        .execute((trx) => rotateBatch(trx, cipher, entry, { after, batchSize, counts }))
      if (batch.length < batchSize) break
      after = batch.at(-1)?.[entry.key]
    }
    for (const c of counts) {
      log(
        `${c.table}.${c.column}: ${c.rotated} re-encrypted, ${c.current} current, ${c.empty} empty`,
      )
    }
    results.push(...counts)
  }
  return results
}

async function rotateBatch(
  trx: Transaction<Database>,
  cipher: FieldCipher,
  { table, key, columns }: Entry,
  { after, batchSize, counts }: { after: unknown; batchSize: number; counts: ColumnRotation[] },
): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select ${sql.join([key, ...columns].map((name) => sql.ref(name)))}
    from ${sql.table(table)}
    where ${after === undefined ? sql`true` : sql`${sql.ref(key)} > ${after}`}
    order by ${sql.ref(key)} limit ${batchSize} for update`.execute(trx)
  for (const row of rows) {
    const changes = []
    for (const [i, column] of columns.entries()) {
      const value = row[column]
      const count = counts[i] as ColumnRotation
      if (typeof value !== 'string') count.empty++
      else if (!cipher.needsRotation(value)) count.current++
      else {
        const fresh = reencrypt(cipher, value, `${table}.${column}`, row[key])
        changes.push(sql`${sql.ref(column)} = ${fresh}`)
        count.rotated++
      }
    }
    if (changes.length === 0) continue
    await sql`update ${sql.table(table)} set ${sql.join(changes)}
      where ${sql.ref(key)} = ${row[key]}`.execute(trx)
  }
  return rows
}

/** A value that does not decrypt stops the run, named by row, rather than being skipped. */
function reencrypt(cipher: FieldCipher, value: string, where: string, id: unknown): string {
  try {
    return cipher.encrypt(cipher.decrypt(value))
  } catch (error) {
    throw new Error(`${where} of row ${String(id)}: ${(error as Error).message}`)
  }
}
