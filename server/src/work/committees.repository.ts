import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

export function findCommittee(db: Db, regionCode: string) {
  return db
    .selectFrom('party_committees')
    .selectAll()
    .where('region_code', '=', regionCode)
    .executeTakeFirst()
}

export type CommitteeRow = NonNullable<Awaited<ReturnType<typeof findCommittee>>>

/** One row per region, rewritten whole by its own staff. */
export async function saveCommittee(
  db: Db,
  values: {
    region_code: string
    region_path: string
    set_up: boolean
    set_up_on: string | null
    name: string | null
    updated_by: string
  },
): Promise<CommitteeRow> {
  return db
    .insertInto('party_committees')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('region_code').doUpdateSet({
        set_up: values.set_up,
        set_up_on: values.set_up_on,
        name: values.name,
        updated_by: values.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}
