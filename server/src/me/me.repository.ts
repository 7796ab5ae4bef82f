import { MembershipDraft } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import { revokeAllForUser } from '../auth/refresh-tokens.repository.ts'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

export async function acceptPrivacy(db: Db, userId: string, version: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ privacy_version: version, privacy_accepted_at: new Date() })
    .where('id', '=', userId)
    .execute()
}

/** Everything held about one person, as stored. Later domains add their tables here. */
export async function collectPersonalData(db: Db, userId: string) {
  const user = await db
    .selectFrom('users')
    .select([
      'id',
      'role',
      'display_name',
      'kind',
      'openid',
      'unionid',
      'privacy_version',
      'privacy_accepted_at',
      'created_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  const staff = await db
    .selectFrom('staff_accounts')
    .select(['username', 'level', 'region_code', 'station_name', 'totp_enabled'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  const sessions = await db
    .selectFrom('refresh_tokens')
    .select(['created_at', 'expires_at', 'rotated_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
  const activity = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'outcome', 'target_type', 'target_id'])
    .where('actor_id', '=', userId)
    .orderBy('id')
    .execute()
  const memberships = await db
    .selectFrom('memberships')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
  // 组织生活: the activities the person signed up for or attended, with how they signed in.
  const activities = await db
    .selectFrom('activities as a')
    .innerJoin('memberships as m', (join) => join.on('m.user_id', '=', userId))
    .leftJoin('activity_signups as s', (join) =>
      join.onRef('s.activity_id', '=', 'a.id').onRef('s.membership_id', '=', 'm.id'),
    )
    .leftJoin('activity_attendances as t', (join) =>
      join.onRef('t.activity_id', '=', 'a.id').onRef('t.membership_id', '=', 'm.id'),
    )
    .select(['a.title', 'a.kind', 'a.starts_at', 'a.address', 'a.state'])
    .select(['s.state as signup_state', 's.created_at as signed_up_at'])
    .select(['t.at as attended_at', 't.method as attendance_method'])
    .where((eb) => eb.or([eb('s.id', 'is not', null), eb('t.id', 'is not', null)]))
    .orderBy('a.starts_at')
    .execute()
  // 诉求: the difficulties the person raised, with the answers they read.
  const difficulties = await db
    .selectFrom('difficulties as d')
    .innerJoin('regions as r', 'r.code', 'd.region_code')
    .select([
      'd.id',
      'd.category',
      'd.text',
      'd.place_name',
      'd.place_address',
      'd.state',
      'd.outcome',
      'd.outcome_note',
      'd.helpful',
      'd.created_at',
      'r.name as region_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('difficulty_events as e')
        .whereRef('e.difficulty_id', '=', 'd.id')
        .where('e.kind', '=', 'reply')
        .select(
          sql<string>`string_agg(e.text, '
' order by e.id)`.as('t'),
        )
        .as('replies'),
    )
    .where('d.user_id', '=', userId)
    .orderBy('d.created_at')
    .execute()
  // 最美骑手: the honours the person was nominated for, with what they chose to show.
  const honours = await db
    .selectFrom('rider_honours as h')
    .innerJoin('regions as c', 'c.code', 'h.city_code')
    .select([
      'h.id',
      'h.year',
      'c.name as city_name',
      'h.citation',
      'h.state',
      'h.shown_name',
      'h.revoke_reason',
      'h.created_at',
      'h.answered_at',
    ])
    .where('h.user_id', '=', userId)
    .orderBy('h.created_at')
    .execute()
  // 监督共治: the reports the person made, with what the bureau found.
  const supervisionReports = await db
    .selectFrom('supervision_reports as s')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .select([
      's.id',
      's.category',
      's.merchant_name',
      's.merchant_address',
      's.credit_code',
      's.text',
      's.state',
      's.outcome',
      's.outcome_note',
      's.referred_department',
      's.created_at',
      'r.name as region_name',
    ])
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at')
    .execute()
  // The names of the regions the record mentions (the staff member's, and each form's).
  const codes = new Set<string>(staff ? [staff.region_code] : [])
  for (const row of memberships) {
    for (const value of Object.values(MembershipDraft.parse(row.form))) {
      if (typeof value === 'string' && /^\d{6}$/.test(value)) codes.add(value)
    }
  }
  const regions =
    codes.size === 0
      ? []
      : await db
          .selectFrom('regions')
          .select(['code', 'name'])
          .where('code', 'in', [...codes])
          .execute()
  const regionNames = new Map(regions.map((region) => [region.code, region.name]))
  return {
    user,
    staff: staff ?? null,
    sessions,
    activity,
    memberships,
    activities,
    difficulties,
    honours,
    supervisionReports,
    regionNames,
  }
}

/**
 * Cancels an account (PIPL): identifying fields erased in place, sessions revoked. The row
 * stays, with no personal field left, so counts that referenced it still add up.
 */
export async function eraseUser(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      display_name: '',
      kind: null,
      openid: null,
      unionid: null,
      privacy_version: null,
      privacy_accepted_at: null,
      deleted_at: new Date(),
    })
    .where('id', '=', userId)
    .execute()
  // 最美骑手 honours go with the person (and so leave the public list).
  await db.deleteFrom('rider_honours').where('user_id', '=', userId).execute()
  // The registration goes with its timeline (cascade); the ledgers count only what remains.
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute()
  // So do the person's difficulties (their answers, photos' places, 我也遇到 with them).
  await db.deleteFrom('difficulty_me_too').where('user_id', '=', userId).execute()
  await db.deleteFrom('difficulties').where('user_id', '=', userId).execute()
  // And their 监督共治 reports (events and photos' places cascade).
  await db.deleteFrom('supervision_reports').where('user_id', '=', userId).execute()
  await revokeAllForUser(db, userId)
}
