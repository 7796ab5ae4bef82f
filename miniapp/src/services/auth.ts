import {
  Me,
  MfaEnrollment,
  Session,
  type StaffLoginRequest,
  type WechatLoginRequest,
} from '@djt/shared'
import { NoContent, post } from './http'

export type { Me, MfaEnrollment, Session, StaffLoginRequest } from '@djt/shared'

/** Exchanges a wx.login code (or a `dev:<name>` code in dev mode) for a session. */
export function wechatLogin(request: WechatLoginRequest): Promise<Session> {
  return post('/auth/wechat', request, Session)
}

/** Password, then the 6-digit code once the server answered `mfa_required`. */
export function staffLogin(request: StaffLoginRequest): Promise<Session> {
  return post('/auth/staff', request, Session)
}

/** The refresh token rotates: the answer carries the one to use next time. */
export function refreshSession(refreshToken: string): Promise<Session> {
  return post('/auth/refresh', { refreshToken }, Session)
}

export function logout(refreshToken: string): Promise<null> {
  return post('/auth/logout', { refreshToken }, NoContent)
}

export function startMfaEnrollment(): Promise<MfaEnrollment> {
  return post('/auth/staff/mfa/enroll', undefined, MfaEnrollment)
}

export function confirmMfaEnrollment(otp: string): Promise<Me> {
  return post('/auth/staff/mfa/confirm', { otp }, Me)
}
