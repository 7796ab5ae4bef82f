import type { MembershipDraft } from '@djt/shared'

const member = {
  orgRegionCode: '350102',
  memberType: 'full',
  joinedOn: '2012-07-01',
  flowMember: true,
  wantsLocalBranch: true,
}

/**
 * Demo entries in 鼓楼区 (and one in 思明区). Their mobiles, ID numbers, rider IDs and
 * USCCs are made up; the demo registers list some of them so the evidence varies.
 */
export const demoPeople: {
  signInName: string
  action: 'save' | 'submit'
  form: MembershipDraft
}[] = [
  {
    signInName: '演示骑手小王',
    action: 'submit',
    form: {
      kind: 'rider',
      ...member,
      name: '王小明',
      mobile: '13800000001',
      idNumber: '350102199001011238',
      workRegionCode: '350102',
      orgName: '中共福州市鼓楼区东街社区委员会',
      platform: 'meituan',
      riderId: 'MT-20260001',
      deliveryStation: '鼓楼东街站',
    },
  },
  {
    signInName: '演示骑手小李',
    action: 'submit',
    form: {
      kind: 'rider',
      ...member,
      name: '李强',
      mobile: '13800000002',
      workRegionCode: '350102',
      orgName: '中共南平市延平区某村支部委员会',
      orgRegionCode: '350702',
      memberType: 'probationary',
      joinedOn: '2025-06-20',
      platform: 'eleme',
      riderId: 'ELM-88231',
      deliveryStation: '五四路站',
    },
  },
  {
    signInName: '演示店主老陈',
    action: 'submit',
    form: {
      kind: 'operator',
      ...member,
      flowMember: false,
      wantsLocalBranch: false,
      name: '陈建国',
      mobile: '13800000003',
      workRegionCode: '350102',
      orgName: '东街口农贸市场联合党支部',
      uscc: '92350102MA2Y3K4L5K',
      businessName: '鼓楼区陈记干货店',
      businessKind: 'stall',
      inMarket: true,
      marketName: '东街口农贸市场',
      stallNo: 'B-07',
    },
  },
  {
    signInName: '演示市场开办方',
    action: 'submit',
    form: {
      kind: 'market_opener',
      contactName: '林开办',
      mobile: '13800000004',
      marketName: '东街口农贸市场',
      address: '福州市鼓楼区东街88号',
      location: { lat: 26.0885, lng: 119.3034 },
      regionCode: '350102',
      stallCount: 120,
      memberStallOwnerCount: 6,
      orgForm: 'joint_branch',
      orgName: '东街口农贸市场联合党支部',
    },
  },
  {
    signInName: '演示骑手小张',
    action: 'submit',
    form: {
      kind: 'rider',
      ...member,
      name: '张伟',
      mobile: '13800000005',
      workRegionCode: '350203',
      orgName: '中共厦门市思明区某社区委员会',
      orgRegionCode: '350203',
      platform: 'pupu',
      riderId: 'PP-5521',
      deliveryStation: '中山路站',
    },
  },
]
