import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { registerSizes } from './evidence.repository.ts'
import { estimateWeights } from './linkage/estimate.ts'
import { currentWeights, insertWeights, sampleRegisterRows } from './linkage-weights.repository.ts'

/**
 * Re-estimates u from random register pairs and stores the result as the next version,
 * which evidence computed from now on uses (and records). Returns the new weights.
 */
export async function reestimateWeights(db: Kysely<Database>, { pairs }: { pairs: number }) {
  return db.transaction().execute(async (trx) => {
    const base = await currentWeights(trx)
    const sample = await sampleRegisterRows(trx, pairs)
    const sizes = await registerSizes(trx)
    const weights = estimateWeights(base, sample, sizes, base.version + 1)
    const note = `u 由 ${Math.floor(sample.length / 2)} 对随机名录行估计（平台名册 ${sizes.roster} 行，党员名单 ${sizes.party} 行）`
    await insertWeights(trx, weights, note)
    return { weights, note }
  })
}
