import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { jsonArray } from '../kernel/json-array.ts'

/** Entries with an ID number but no near-ID prefixes (submitted before 0022), by id. */
export function entriesWithoutNearIds(
  db: Kysely<Database>,
  after: string | undefined,
  limit: number,
) {
  let query = db
    .selectFrom('memberships')
    .select(['id', 'id_number_enc'])
    .where('id_number_enc', 'is not', null)
    .where('id_number_near_bi', 'is', null)
    .orderBy('id')
    .limit(limit)
  if (after) query = query.where('id', '>', after)
  return query.execute()
}

/** Writes one entry's prefixes, unless another run wrote them first. Not a user's edit. */
export async function writeNearIds(db: Kysely<Database>, id: string, prefixes: string[]) {
  await db
    .updateTable('memberships')
    .set({ id_number_near_bi: jsonArray(prefixes) })
    .where('id', '=', id)
    .where('id_number_near_bi', 'is', null)
    .execute()
}
