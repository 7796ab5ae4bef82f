import type { Me, Session, StaffLoginRequest } from '@djt/shared'
import Taro from '@tarojs/taro'
import { confirmMfaEnrollment, logout, refreshSession, staffLogin, wechatLogin } from './auth'
import { ApiError, setAccessTokenProvider, setTokenRefresher } from './http'
import { acceptPrivacyNotice, cancelAccount, fetchMe } from './me'
import { createSessionStore, type SessionStorage } from './session-store'

const taroStorage: SessionStorage = {
  read: (key) => Taro.getStorageSync(key),
  write: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
}

/** The one session of the app: tokens in Taro storage, cached in memory. */
export const sessionStore = createSessionStore(taroStorage)

export function currentUser(): Me | null {
  return sessionStore.current()?.user ?? null
}

// The silent sign-in at launch, while it runs: a page opened straight from a share or a
// scan asks for its data before it has finished, and must wait for its token.
let launchSignIn: Promise<void> | undefined

/** Hands the tokens and the refresh to the request wrapper. */
export function installSession(): void {
  setAccessTokenProvider(async () => {
    await launchSignIn
    return sessionStore.current()?.accessToken
  })
  setTokenRefresher(refreshAccessToken)
}

/** On launch: reuse a stored session; in WeChat, sign in silently when there is none. */
export async function startSessionOnLaunch(): Promise<void> {
  installSession()
  if (sessionStore.current() || process.env.TARO_ENV !== 'weapp') return
  // Failure stays quiet here: 我的 offers sign-in again.
  launchSignIn = signInWithWechat().then(
    () => undefined,
    () => undefined,
  )
  await launchSignIn
}

// What the server accepts after `dev:` (WeChat dev mode).
const DEV_NAME = /^[A-Za-z0-9_\-\p{Script=Han}]{1,32}$/u

/** Why a demo name cannot be used, or null when it can. */
export function devNameProblem(name: string): string | null {
  if (name.trim() === '') return '请输入演示用户名'
  if (!DEV_NAME.test(name.trim())) return '演示用户名只能包含中文、字母、数字、_ 或 -，最多32个字符'
  return null
}

/**
 * WeChat sign-in. With a demo name (server in dev mode) the code is `dev:<name>`; without
 * one it comes from Taro.login, which only WeChat has.
 */
export async function signInWithWechat(options: { devName?: string } = {}): Promise<Me> {
  const devName = options.devName?.trim()
  const code = devName ? `dev:${devName}` : await wechatCode()
  return adopt(await wechatLogin({ code }))
}

export async function signInStaff(request: StaffLoginRequest): Promise<Me> {
  return adopt(await staffLogin(request))
}

/** Signs out here at once; the server is told too, if it can be reached. */
export async function signOut(): Promise<void> {
  const stored = sessionStore.current()
  sessionStore.clear()
  if (stored) await logout(stored.refreshToken).catch(() => undefined)
}

/** Asks the server who we are, for changes made elsewhere (consent, MFA, kind). */
export async function reloadUser(): Promise<Me | null> {
  const before = sessionStore.current()
  if (!before) return null
  const user = await fetchMe()
  if (sessionStore.current()?.refreshToken === before.refreshToken) sessionStore.updateUser(user)
  return user
}

export async function acceptPrivacy(version: string): Promise<Me> {
  const user = await acceptPrivacyNotice(version)
  sessionStore.updateUser(user)
  return user
}

/** Finishes MFA enrolment; the profile then says it is on. */
export async function confirmMfa(otp: string): Promise<Me> {
  const user = await confirmMfaEnrollment(otp)
  sessionStore.updateUser(user)
  return user
}

/** PIPL cancellation: the server erases the account and its sessions, so only local state is left. */
export async function cancelMyAccount(): Promise<void> {
  await cancelAccount()
  sessionStore.clear()
}

/** A new session replaces the old one, which is revoked on the server. */
function adopt(session: Session): Me {
  const previous = sessionStore.current()
  const { accessToken, refreshToken, user } = session
  sessionStore.save({ accessToken, refreshToken, user })
  if (previous) logout(previous.refreshToken).catch(() => undefined)
  return user
}

/**
 * The refresh the request wrapper calls (one at a time). Refused → signed out, null;
 * unreachable → the error, and the session stays for the next try.
 */
async function refreshAccessToken(): Promise<string | null> {
  const stored = sessionStore.current()
  if (!stored) return null
  const sameSession = () => sessionStore.current()?.refreshToken === stored.refreshToken
  try {
    const next = await refreshSession(stored.refreshToken)
    // Signed out, or in as someone else, while this was on the way: keep what is there now.
    if (!sameSession()) return sessionStore.current()?.accessToken ?? null
    sessionStore.save({
      accessToken: next.accessToken,
      refreshToken: next.refreshToken,
      user: next.user,
    })
    return next.accessToken
  } catch (error) {
    if (!isRefusal(error)) throw error
    if (sameSession()) sessionStore.clear()
    return null
  }
}

function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && [400, 401, 403].includes(error.status)
}

async function wechatCode(): Promise<string> {
  if (process.env.TARO_ENV !== 'weapp') {
    throw new ApiError({ code: 'wechat_error', message: '请在微信中打开党建通登录', status: 0 })
  }
  try {
    return (await Taro.login()).code
  } catch (cause) {
    throw new ApiError({
      code: 'wechat_error',
      message: '微信登录失败，请稍后重试',
      status: 0,
      cause,
    })
  }
}
