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
