import { type MembershipDraft, type PledgeContent, periodOf, usccCheckChar } from '@djt/shared'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { jsonArray } from '../kernel/json-array.ts'
import { registerDemoPerson, verifyForDemo } from '../memberships/memberships.demo-seed.ts'
import type { SeedStep } from '../seed/seed.ts'
import { newPledgeCode } from './pledge-code.ts'
import { NATIONAL_TEMPLATES } from './templates.seed.ts'

const uscc = (body: string) => `92350102${body}${usccCheckChar(`92350102${body}`)}`

/** Two verified stall owners: 老周 has no pledge yet (try writing one), 小林's is public. */
const owners: { signInName: string; form: MembershipDraft; pledge?: PledgeContent }[] = [
  {
    signInName: '演示店主老周',
    form: operator('周文华', '13800000011', uscc('MA2Y3K4Q1'), '鼓楼区老周粮油店', 'C-03'),
  },
  {
    signInName: '演示店主小林',
    form: operator('林秀英', '13800000012', uscc('MA2Y3K4R2'), '鼓楼区小林鲜果铺', 'A-08'),
    pledge: {
      displayName: '林秀英',
      business: '鼓楼区小林鲜果铺',
      stall: '东街口农贸市场 A-08',
      role: '党员经营户',
      duties: '守法诚信经营，带头维护市场秩序和消费者权益',
      promises: [
        { text: NATIONAL_TEMPLATES.operator[0] },
        { text: NATIONAL_TEMPLATES.operator[1] },
        { text: '坏果包换，称不足双倍补' },
      ],
    },
  },
]

function operator(
  name: string,
  mobile: string,
  code: string,
  business: string,
  stall: string,
): MembershipDraft {
  return {
    kind: 'operator',
    name,
    mobile,
    workRegionCode: '350102',
    orgName: '东街口农贸市场联合党支部',
    orgRegionCode: '350102',
    memberType: 'full',
    joinedOn: '2010-07-01',
    flowMember: false,
    wantsLocalBranch: false,
    uscc: code,
    businessName: business,
    businessKind: 'stall',
    inMarket: true,
    marketName: '东街口农贸市场',
    stallNo: stall,
  }
}

export const demoPledgesSeed: SeedStep = {
  name: 'demo-pledges',
  demo: true,
  version: '1',
  async run(trx, { cipher }) {
    for (const owner of owners) {
      const person = { signInName: owner.signInName, action: 'submit' as const, form: owner.form }
      const { userId, membershipId } = await registerDemoPerson(trx, cipher, person)
      await verifyForDemo(trx, membershipId)
      if (owner.pledge) await publishForDemo(trx, userId, membershipId, owner.pledge)
    }
  },
}

async function publishForDemo(
  trx: Transaction<Database>,
  userId: string,
  membershipId: string,
  content: PledgeContent,
): Promise<void> {
  const membership = await trx
    .selectFrom('memberships')
    .select(['region_code', 'region_path'])
    .where('id', '=', membershipId)
    .executeTakeFirstOrThrow()
  const pledge = await trx
    .insertInto('pledges')
    .values({
      user_id: userId,
      membership_id: membershipId,
      kind: 'operator',
      region_code: membership.region_code ?? '350102',
      region_path: membership.region_path ?? '350000.350100.350102',
      code: newPledgeCode(),
      demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await trx
    .insertInto('pledge_versions')
    .values({
      pledge_id: pledge.id,
      number: 1,
      state: 'approved',
      content,
      check_notes: jsonArray([]),
      decided_at: new Date(),
      comment: '演示数据',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .updateTable('pledges')
    .set({ public_version_id: version.id })
    .where('id', '=', pledge.id)
    .execute()
  await trx
    .insertInto('pledge_ratings')
    .values(
      [5, 5, 4].map((score, index) => ({ pledge_id: pledge.id, score, device: `demo-${index}` })),
    )
    .execute()
  await trx
    .insertInto('pledge_evaluations')
    .values({
      pledge_id: pledge.id,
      period: periodOf(new Date()),
      score: 92,
      note: '演示数据',
      award: true,
    })
    .execute()
}
