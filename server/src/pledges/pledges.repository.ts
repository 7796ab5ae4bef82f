import type { CheckNotes, PledgeContent } from '@djt/shared'
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { jsonArray } from '../kernel/json-array.ts'
import type { PledgeTable, PledgeVersionTable } from './pledges.table.ts'

type Db = Kysely<Database>
export type PledgeVersionRow = Selectable<PledgeVersionTable>

/** A pledge with what decides whether it is valid: its registration's state, its region. */
export function pledges(db: Db) {
  return db
    .selectFrom('pledges as p')
    .innerJoin('memberships as m', 'm.id', 'p.membership_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('regions as pr', 'pr.code', 'r.parent_code')
    .select([
      'p.id',
      'p.user_id',
      'p.membership_id',
      'p.kind',
      'p.region_code',
      'p.region_path',
      'p.code',
      'p.status',
      'p.status_reason',
      'p.public_version_id',
      'p.demo',
      'm.state as member_state',
      'r.name as region_name',
      'pr.name as region_parent_name',
    ])
}
export type PledgeRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof pledges>['executeTakeFirst']>>
>

/** The person's open pledge, else their latest withdrawn one (so 已撤回 shows). */
export function findPledgeOfUser(db: Db, userId: string, { lock = false } = {}) {
  const q = pledges(db)
    .where('p.user_id', '=', userId)
    .orderBy(sql`p.status = 'withdrawn'`)
    .orderBy('p.created_at', 'desc')
    .limit(1)
  return (lock ? q.forUpdate('p') : q).executeTakeFirst()
}

export function findPledgeByCode(db: Db, code: string) {
  return pledges(db).where('p.code', '=', code).executeTakeFirst()
}

/**
 * The pledge a typed or scanned code names (readPledgeCode has normalised it). A legacy
 * code is case-sensitive, but phone keyboards capitalise and people type what they see:
 * when the exact code is unknown, the one code equal to it in any case is taken (an
 * expression index answers it, migration 0020); two such codes would be ambiguous, and
 * neither is taken.
 */
export async function findPledgeByTypedCode(
  db: Db,
  read: { kind: 'current' | 'legacy'; code: string },
) {
  const exact = await findPledgeByCode(db, read.code)
  if (exact || read.kind === 'current') return exact
  const folded = await db
    .selectFrom('pledges')
    .select('code')
    .where(sql`lower(code)`, '=', read.code.toLowerCase())
    .limit(2)
    .execute()
  const [only] = folded
  return folded.length === 1 && only?.code ? findPledgeByCode(db, only.code) : undefined
}

export async function insertPledge(db: Db, row: Insertable<PledgeTable>): Promise<string> {
  const { id } = await db
    .insertInto('pledges')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updatePledge(
  db: Db,
  id: string,
  change: Partial<
    Pick<Selectable<PledgeTable>, 'code' | 'status' | 'status_reason' | 'public_version_id'>
  >,
): Promise<void> {
  await db
    .updateTable('pledges')
    .set({ ...change, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute()
}

export function listVersions(db: Db, pledgeId: string) {
  return db
    .selectFrom('pledge_versions')
    .selectAll()
    .where('pledge_id', '=', pledgeId)
    .orderBy('number', 'desc')
    .execute()
}

export function findVersion(db: Db, id: string | null) {
  return db
    .selectFrom('pledge_versions')
    .selectAll()
    .where('id', '=', id ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst()
}

export async function insertVersion(
  db: Db,
  pledgeId: string,
  content: PledgeContent,
  checkNotes: CheckNotes,
): Promise<string> {
  const { id } = await db
    .insertInto('pledge_versions')
    .values({
      pledge_id: pledgeId,
      number: sql<number>`(select coalesce(max(number), 0) + 1 from pledge_versions where pledge_id = ${pledgeId})`,
      state: 'pending',
      content,
      check_notes: jsonArray(checkNotes),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A new submission replaces the one still waiting: it stays in the history as superseded. */
export async function supersedePending(db: Db, pledgeId: string): Promise<void> {
  await db
    .updateTable('pledge_versions')
    .set({ state: 'superseded', decided_at: sql`now()` })
    .where('pledge_id', '=', pledgeId)
    .where('state', '=', 'pending')
    .execute()
}

/** The WeChat mini-program code kept for a pledge's plaque, if one was fetched. */
export async function findWxacode(db: Db, id: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom('pledges')
    .select('wxacode')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.wxacode ?? null
}

/** Keeps a fetched mini-program code: WeChat rate-limits fetching it. */
export async function storeWxacode(db: Db, id: string, png: Buffer): Promise<void> {
  await db.updateTable('pledges').set({ wxacode: png }).where('id', '=', id).execute()
}
