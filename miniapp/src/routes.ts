/** Page URLs used from more than one place. Staff pages live in the packageStaff sub-package. */
export const staffPages = {
  login: '/packageStaff/pages/login/index',
  mfa: '/packageStaff/pages/mfa/index',
  review: '/packageStaff/pages/review/index',
  reviewDetail: '/packageStaff/pages/review-detail/index',
  import: '/packageStaff/pages/import/index',
  places: '/packageStaff/pages/places/index',
  placeEdit: '/packageStaff/pages/place-edit/index',
  placeImport: '/packageStaff/pages/place-import/index',
  checkins: '/packageStaff/pages/checkins/index',
  pledges: '/packageStaff/pages/pledges/index',
  pledgeDetail: '/packageStaff/pages/pledge-detail/index',
  pledgeReports: '/packageStaff/pages/pledge-reports/index',
  pledgeRanking: '/packageStaff/pages/pledge-ranking/index',
  work: '/packageStaff/pages/work/index',
  platformSites: '/packageStaff/pages/platform-sites/index',
} as const

/** Ledgers (台账) and their half-year reports, in the packageLedger sub-package (staff only). */
export const ledgerPages = {
  dashboard: '/packageLedger/pages/dashboard/index',
  reports: '/packageLedger/pages/reports/index',
  report: '/packageLedger/pages/report/index',
  /** One row per market or station under a region: the drill-down below the county. */
  records: '/packageLedger/pages/records/index',
} as const

/** Self-registration of Party membership, in the packageMember sub-package. */
export const memberPages = {
  register: '/packageMember/pages/register/index',
  status: '/packageMember/pages/status/index',
} as const

export const mainPages = {
  me: '/pages/me/index',
  privacy: '/pages/privacy/index',
} as const

/** A place's page (hours, navigation, 报到), in the packagePlace sub-package. */
export const placePages = {
  detail: '/packagePlace/pages/detail/index',
} as const

/** Pledges (三亮): writing one, my own, and the public page a plaque's QR opens. */
export const pledgePages = {
  edit: '/packagePledge/pages/edit/index',
  mine: '/packagePledge/pages/mine/index',
  public: '/packagePledge/pages/public/index',
} as const

/** The public page of one pledge code. */
export function publicPledgeUrl(code: string): string {
  return `${pledgePages.public}?code=${encodeURIComponent(code)}`
}

/** 组织生活 (issue 19), in the packageActivity sub-package: the organiser's and the member's. */
export const activityPages = {
  staffList: '/packageActivity/pages/staff-list/index',
  staffEdit: '/packageActivity/pages/staff-edit/index',
  staffDetail: '/packageActivity/pages/staff-detail/index',
  nearby: '/packageActivity/pages/nearby/index',
  detail: '/packageActivity/pages/detail/index',
  mine: '/packageActivity/pages/mine/index',
} as const

/** A member's page of one activity. */
export function activityUrl(id: string): string {
  return `${activityPages.detail}?id=${encodeURIComponent(id)}`
}

/** Riders' voices (issue 20), in the packageVoice sub-package: the rider's and the staff's. */
export const voicePages = {
  mine: '/packageVoice/pages/mine/index',
  raise: '/packageVoice/pages/raise/index',
  staffList: '/packageVoice/pages/staff-list/index',
  staffDetail: '/packageVoice/pages/staff-detail/index',
  staffHotspots: '/packageVoice/pages/staff-hotspots/index',
  /** 监督共治: a member rider's reports, and the staff's queue. */
  myReports: '/packageVoice/pages/my-reports/index',
  report: '/packageVoice/pages/report/index',
  staffReports: '/packageVoice/pages/staff-reports/index',
  staffReport: '/packageVoice/pages/staff-report/index',
} as const

/** 最美骑手 (issue 20), in the packageHonours sub-package: the public list, the rider's, the staff's. */
export const honourPages = {
  public: '/packageHonours/pages/public/index',
  mine: '/packageHonours/pages/mine/index',
  staffList: '/packageHonours/pages/staff-list/index',
  nominate: '/packageHonours/pages/nominate/index',
} as const
