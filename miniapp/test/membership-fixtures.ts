import type { MyMembership, ReviewDetail, ReviewItem } from '@djt/shared'

export const ENTRY_ID = '7d1c3f0e-5b7a-4c3e-9a51-0c2b6f1e9a01'

/** A rider's complete form, as the server's schema would accept it. */
export function riderForm(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'rider' as const,
    name: '陈小明',
    mobile: '13812345678',
    workRegionCode: '350102',
    orgName: '鼓楼区东街社区党支部',
    orgRegionCode: '350102',
    memberType: 'full',
    joinedOn: '2015-07-01',
    flowMember: true,
    wantsLocalBranch: true,
    platform: 'meituan',
    riderId: 'MT-0001',
    deliveryStation: '美团鼓楼东街站',
    ...overrides,
  }
}

/** GET /memberships/mine's entry: the form without mobile/ID, which come masked. */
export function myMembership(overrides: Partial<MyMembership> = {}): MyMembership {
  const { mobile: _mobile, ...form } = riderForm()
  return {
    id: ENTRY_ID,
    kind: 'rider',
    state: 'submitted',
    form,
    mobileMasked: '138****5678',
    idNumberMasked: null,
    question: null,
    warnings: [],
    version: 2,
    updatedAt: '2026-11-05T02:00:00.000Z',
    timeline: [
      {
        at: '2026-11-05T02:00:00.000Z',
        action: 'submitted',
        fromState: 'draft',
        toState: 'submitted',
        actor: '本人',
        note: null,
        photoId: null,
      },
    ],
    ...overrides,
  }
}

export function reviewItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: ENTRY_ID,
    kind: 'rider',
    state: 'submitted',
    name: '陈小明',
    mobileMasked: '138****5678',
    regionCode: '350102',
    regionName: '鼓楼区',
    platform: 'meituan',
    strength: 'moderate',
    matchingSources: 1,
    submittedAt: '2026-11-05T02:00:00.000Z',
    ...overrides,
  }
}

export function reviewDetail(overrides: Partial<ReviewDetail> = {}): ReviewDetail {
  const mine = myMembership()
  return {
    id: ENTRY_ID,
    kind: 'rider',
    state: 'submitted',
    version: 2,
    form: mine.form,
    mobileMasked: '138****5678',
    idNumberMasked: '3501**********1234',
    regionCode: '350102',
    regionName: '鼓楼区',
    warnings: [],
    evidence: {
      strength: 'moderate',
      matchingSources: 1,
      suggestion: 'review',
      reason: '平台名册一致，党员名单无记录',
      registers: [
        {
          register: 'platform_roster',
          status: 'match',
          fields: [
            { field: 'name', result: 'match' },
            { field: 'mobile', result: 'differ' },
          ],
          summary: '美团名册：MT-0001 陈小明',
        },
        { register: 'party_list', status: 'absent', fields: [], summary: '名单中无此人' },
      ],
      computedAt: '2026-11-05T03:00:00.000Z',
    },
    timeline: mine.timeline,
    ...overrides,
  }
}

export const regionDetail = {
  code: '350102',
  name: '鼓楼区',
  level: 'county',
  parentCode: '350100',
  ancestors: [
    { code: '350000', name: '福建省', level: 'province', parentCode: null },
    { code: '350100', name: '福州市', level: 'city', parentCode: '350000' },
  ],
}

/** GET /regions?parent=…: Fujian's cities, then Fuzhou's counties. */
export function regionChildren(parent: unknown) {
  if (parent === '350000') {
    return { items: [{ code: '350100', name: '福州市', level: 'city', parentCode: '350000' }] }
  }
  return { items: [{ code: '350102', name: '鼓楼区', level: 'county', parentCode: '350100' }] }
}
