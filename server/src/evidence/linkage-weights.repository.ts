import { type LinkageWeights, LinkageWeights as LinkageWeightsSchema } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SampledRow } from './linkage/estimate.ts'

/** The newest stored weights. */
export async function currentWeights(db: Kysely<Database>): Promise<LinkageWeights> {
  const row = await db
    .selectFrom('linkage_weights')
    .select('weights')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  return LinkageWeightsSchema.parse(row.weights)
}

/**
 * Random rows of both personal registers, shuffled together: consecutive rows make the
 * random pairs. A command staff run now and then, so ordering by random() is affordable.
 */
export async function sampleRegisterRows(db: Kysely<Database>, size: number) {
  const { rows } = await sql<SampledRow>`select * from (
      (select name_norm as "nameNorm", mobile_bi as "mobileBi", id_number_bi as "idNumberBi"
        from register_party_list order by random() limit ${size})
      union all
      (select name_norm, mobile_bi, null from register_platform_roster
        order by random() limit ${size})) s
    order by random()`.execute(db)
  return rows
}

export async function insertWeights(db: Kysely<Database>, weights: LinkageWeights, note: string) {
  await db
    .insertInto('linkage_weights')
    .values({ version: weights.version, weights, note })
    .execute()
}
