import { sql, type Transaction } from 'kysely'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database } from '../db/schema.ts'
import { PRIVACY_NOTICE } from '../me/privacy-notice.ts'
import type { SeedStep } from '../seed/seed.ts'
import { devOpenid } from '../wechat/wechat.client.ts'
import { demoPeople } from './memberships.demo-people.ts'
import { saveMembership } from './memberships.service.ts'

/**
 * Fictitious people who registered, so the review queue and its evidence have something
 * to show. Each can sign in through the demo sign-in under the name given here.
 */
export const demoMembershipsSeed: SeedStep = {
  name: 'demo-memberships',
  demo: true,
  version: '1',
  async run(trx, { cipher }) {
    for (const person of demoPeople) await registerDemoPerson(trx, cipher, person)
  },
}

/** Signs a demo person up as a consenting user and saves (or submits) their entry. */
export async function registerDemoPerson(
  trx: Transaction<Database>,
  cipher: FieldCipher,
  person: (typeof demoPeople)[number],
): Promise<{ userId: string; membershipId: string }> {
  const user = await trx
    .insertInto('users')
    .values({
      role: 'user',
      openid: devOpenid(person.signInName),
      display_name: person.signInName,
      privacy_version: PRIVACY_NOTICE.version,
      privacy_accepted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const caller = {
    kind: 'user' as const,
    id: user.id,
    userKind: null,
    privacyVersion: PRIVACY_NOTICE.version,
  }
  const { row } = await saveMembership(trx, cipher, caller, {
    action: person.action,
    form: person.form,
  })
  return { userId: user.id, membershipId: row.id }
}

/** A demo entry taken as verified, with the event a review would have left. */
export async function verifyForDemo(
  trx: Transaction<Database>,
  membershipId: string,
): Promise<void> {
  await trx
    .updateTable('memberships')
    .set({ state: 'verified', version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', membershipId)
    .execute()
  await trx
    .insertInto('membership_events')
    .values({
      membership_id: membershipId,
      actor_role: 'system',
      actor_label: '演示数据',
      action: 'verified',
      from_state: 'submitted',
      to_state: 'verified',
      note: '演示数据：视为已核验',
    })
    .execute()
}
