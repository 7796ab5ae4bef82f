import type { Kysely } from 'kysely'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import { recomputeEvidence } from './evidence.service.ts'
import { nearIdIndexes } from './linkage/near-index.ts'
import { entriesWithoutNearIds, writeNearIds } from './near-id-backfill.repository.ts'

/**
 * Entries submitted before migration 0022 carry no prefixes of the IDs one slip away from
 * theirs, so a typo in their ID could never be found. This gives them those prefixes, as
 * submission does, decrypting each ID once in this process (nothing plain is stored or
 * logged), in batches each in its own transaction so a stopped run can be restarted;
 * then recomputes the evidence of the pending ones. Returns how many entries it gave them.
 */
export async function backfillNearIds(
  db: Kysely<Database>,
  cipher: FieldCipher,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<{ backfilled: number; recomputed: number }> {
  let after: string | undefined
  let backfilled = 0
  const touched: string[] = []
  for (;;) {
    const batch = await entriesWithoutNearIds(db, after, batchSize)
    await db.transaction().execute(async (trx) => {
      for (const row of batch) {
        if (!row.id_number_enc) continue
        await writeNearIds(trx, row.id, nearIdIndexes(cipher, cipher.decrypt(row.id_number_enc)))
        touched.push(row.id)
      }
    })
    backfilled += batch.length
    if (batch.length < batchSize) break
    after = batch.at(-1)?.id
  }
  // Only the pending among them: decided entries keep the evidence they were decided on.
  const recomputed =
    touched.length === 0
      ? 0
      : await db.transaction().execute((trx) => recomputeEvidence(trx, { membershipIds: touched }))
  return { backfilled, recomputed }
}
