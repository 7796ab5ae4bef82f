/** Page URLs used from more than one place. Staff pages live in the packageStaff sub-package. */
export const staffPages = {
  login: '/packageStaff/pages/login/index',
  mfa: '/packageStaff/pages/mfa/index',
} as const

export const mainPages = {
  me: '/pages/me/index',
  privacy: '/pages/privacy/index',
} as const
