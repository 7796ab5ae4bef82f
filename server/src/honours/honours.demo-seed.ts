import { chinaYear, honourShownName, type MembershipDraft, residentIdCheckChar } from '@djt/shared'
import { registerDemoPerson, verifyForDemo } from '../memberships/memberships.demo-seed.ts'
import { findRegion } from '../regions/regions.repository.ts'
import type { SeedStep } from '../seed/seed.ts'
import { demoStaffUserId } from '../staff/staff.demo-seed.ts'
import { answerHonour, insertHonour } from './honours.repository.ts'

const ID_FIRST_17 = '35010219880808123'
const NAME = '刘建华'

/** A verified rider of his own (the registration demo's riders wait in the review queue). */
const honoured: { signInName: string; action: 'submit'; form: MembershipDraft } = {
  signInName: '演示骑手老刘',
  action: 'submit',
  form: {
    kind: 'rider',
    name: NAME,
    mobile: '13800000021',
    idNumber: `${ID_FIRST_17}${residentIdCheckChar(ID_FIRST_17)}`,
    workRegionCode: '350102',
    orgRegionCode: '350102',
    memberType: 'full',
    joinedOn: '2010-07-01',
    flowMember: true,
    wantsLocalBranch: true,
    orgName: '中共福州市鼓楼区东街社区委员会',
    platform: 'meituan',
    riderId: 'MT-20260021',
    deliveryStation: '鼓楼东街站',
  },
}

/**
 * Fictitious 最美骑手 of this year in 福州市, accepted under surname + 师傅, so the public
 * list and the rider's 我的 show one in the demo. 演示骑手老刘 can sign in to see it.
 */
export const demoHonoursSeed: SeedStep = {
  name: 'demo-honours',
  demo: true,
  version: '1',
  async run(trx, { cipher }) {
    const { userId, membershipId } = await registerDemoPerson(trx, cipher, honoured)
    await verifyForDemo(trx, membershipId)
    const region = await findRegion(trx, '350102')
    const staffId = await demoStaffUserId(trx, 'demo.fuzhou')
    if (!region || !staffId) return
    const id = await insertHonour(trx, {
      user_id: userId,
      membership_id: membershipId,
      region_code: region.code,
      region_path: region.path,
      city_code: '350100',
      year: chinaYear(new Date()),
      rider_name: NAME,
      platform: 'meituan',
      citation: '演示数据：暴雨夜坚持为独居老人送药，主动协助社区开展防汛巡查。',
      nominated_by: staffId,
    })
    await answerHonour(trx, id, {
      state: 'accepted',
      nameShown: 'surname',
      shownName: honourShownName(NAME, 'surname'),
    })
  },
}
