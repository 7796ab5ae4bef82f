import type { MyPledge, MyPledgeAnswer, PledgeVersion, PublicPledge } from '@djt/shared'

export const PLEDGE_ID = '5b0f3a52-9d1e-4c7a-8f51-2a6c0d9e7b11'
export const VERSION_ID = '7c1e4b63-0a2f-4d8b-9e62-3b7d1e0f8c22'
export const TEMPLATE_HONEST = '11111111-1111-4111-8111-111111111111'
export const TEMPLATE_PRICES = '22222222-2222-4222-8222-222222222222'

export function pledgeVersion(overrides: Partial<PledgeVersion> = {}): PledgeVersion {
  return {
    id: VERSION_ID,
    number: 1,
    state: 'approved',
    content: {
      displayName: '周师傅',
      business: '老周水果店',
      stall: 'A-018',
      role: '党员经营户',
      duties: '带头诚信经营',
      promises: [{ templateId: TEMPLATE_HONEST, text: '诚信经营' }, { text: '坏果包换' }],
    },
    checkNotes: [],
    submittedAt: '2026-11-01T02:00:00.000Z',
    decidedAt: '2026-11-02T02:00:00.000Z',
    comment: null,
    ...overrides,
  }
}

export function myPledge(overrides: Partial<MyPledge> = {}): MyPledge {
  const version = pledgeVersion()
  return {
    id: PLEDGE_ID,
    kind: 'operator',
    status: 'active',
    code: 'cGLP7K2abcde',
    publicUrl: null,
    plaqueWarning: false,
    publicStatus: 'valid',
    current: version,
    versions: [version],
    rating: { average: 4.5, count: 2 },
    ratings: [],
    reports: [],
    evaluations: [],
    suspendedReason: null,
    ...overrides,
  }
}

export function myPledgeAnswer(overrides: Partial<MyPledgeAnswer> = {}): MyPledgeAnswer {
  return {
    eligible: true,
    reason: null,
    kind: 'operator',
    defaults: { displayName: '周建国', business: '老周水果店', stall: 'A-018' },
    pledge: null,
    ...overrides,
  }
}

export function publicPledge(overrides: Partial<PublicPledge> = {}): PublicPledge {
  const { photoId: _none, ...content } = pledgeVersion().content
  return {
    code: 'cGLP7K2abcde',
    status: 'valid',
    statusText: '有效',
    reason: null,
    title: '共产党员经营户',
    content,
    hasPhoto: false,
    issuer: '福州市鼓楼区市场监督管理局',
    approvedAt: '2026-11-02T02:00:00.000Z',
    rating: { average: 4.5, count: 2 },
    awards: [],
    reports: [],
    openReports: 0,
    ...overrides,
  }
}
