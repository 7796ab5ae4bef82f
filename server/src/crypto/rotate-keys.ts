import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ENCRYPTED_COLUMNS } from './encrypted-columns.ts'
import { lockBatch, updateColumns } from './encrypted-rows.repository.ts'
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
  entry: Entry,
  { after, batchSize, counts }: { after: unknown; batchSize: number; counts: ColumnRotation[] },
): Promise<Row[]> {
  const rows = await lockBatch(trx, entry, after, batchSize)
  for (const row of rows) {
    const fresh: Record<string, string> = {}
    for (const [i, column] of entry.columns.entries()) {
      const value = row[column]
      const count = counts[i] as ColumnRotation
      if (typeof value !== 'string') count.empty++
      else if (!cipher.needsRotation(value)) count.current++
      else {
        fresh[column] = reencrypt(cipher, value, `${entry.table}.${column}`, row[entry.key])
        count.rotated++
      }
    }
    await updateColumns(trx, entry, row[entry.key], fresh)
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
