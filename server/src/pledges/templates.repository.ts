import type { PledgeKind } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

function templates(db: Db) {
  return db
    .selectFrom('pledge_templates as t')
    .leftJoin('regions as r', 'r.code', 't.region_code')
    .select([
      't.id',
      't.kind',
      't.text',
      sql<string>`coalesce(r.name, '全国通用')`.as('region_name'),
    ])
    .where('t.retired_at', 'is', null)
    .orderBy(sql`t.region_path nulls first`)
    .orderBy('t.sort')
    .orderBy('t.created_at')
}

/** A member sees the templates of their own region and of every region above it. */
export function templatesFor(db: Db, regionPath: string, kind?: PledgeKind) {
  let q = templates(db).where(
    sql<boolean>`(t.region_path is null or t.region_path @> ${regionPath}::ltree)`,
  )
  if (kind) q = q.where('t.kind', '=', kind)
  return q.execute()
}

/** Staff see the ones that apply in their region: from above, their own and below. */
export function templatesForStaff(db: Db, caller: StaffCaller) {
  return templates(db)
    .where((eb) =>
      eb.or([
        sql<boolean>`(t.region_path is null or t.region_path @> ${caller.regionPath}::ltree)`,
        withinScope(caller, sql.ref('t.region_path')),
      ]),
    )
    .execute()
}

export async function insertTemplate(db: Db, caller: StaffCaller, kind: PledgeKind, text: string) {
  return db
    .insertInto('pledge_templates')
    .values({
      kind,
      text,
      region_code: caller.regionCode,
      region_path: caller.regionPath,
      created_by: caller.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Only a template of the caller's own subtree; pledges that used it keep their text. */
export async function retireTemplate(db: Db, caller: StaffCaller, id: string): Promise<boolean> {
  const result = await db
    .updateTable('pledge_templates as t')
    .set({ retired_at: sql`now()` })
    .where('t.id', '=', id)
    .where('t.retired_at', 'is', null)
    .where(withinScope(caller, sql.ref('t.region_path')))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Which of these template ids exist. */
export async function knownTemplateIds(db: Db, ids: string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('pledge_templates').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((row) => row.id))
}
