import Taro from '@tarojs/taro'
import { describe, expect, it, vi } from 'vitest'
import {
  currentUser,
  devNameProblem,
  sessionStore,
  signInStaff,
  signInWithWechat,
  signOut,
  startSessionOnLaunch,
} from '../../src/services/session'
import {
  apiFailure,
  callsTo,
  noContent,
  ok,
  routeRequests,
  session,
  staffMe,
  userMe,
} from '../fixtures'

const login = vi.mocked(Taro.login)

describe('WeChat sign-in', () => {
  it('in WeChat, sends the wx.login code and keeps the session', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    login.mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })
    routeRequests({ 'POST /auth/wechat': ok(session(userMe({ kind: 'rider' }))) })

    const user = await signInWithWechat()

    expect(callsTo('POST /auth/wechat')[0]?.data).toEqual({ code: 'wx-code-1' })
    expect(user.kind).toBe('rider')
    expect(currentUser()?.kind).toBe('rider')
    expect(sessionStore.current()?.refreshToken).toBe('refresh-token-0001')
  })

  it('in H5, signs in a demo user with a dev:<name> code, without wx.login', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    routeRequests({ 'POST /auth/wechat': ok(session()) })

    await signInWithWechat({ devName: ' 小林 ' })

    expect(callsTo('POST /auth/wechat')[0]?.data).toEqual({ code: 'dev:小林' })
    expect(login).not.toHaveBeenCalled()
    expect(currentUser()?.role).toBe('user')
  })

  it('in H5 without a demo name there is no WeChat to ask: nothing is sent', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    routeRequests({})

    await expect(signInWithWechat()).rejects.toMatchObject({ message: '请在微信中打开党建通登录' })
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('accepts the demo names the server accepts', () => {
    expect(devNameProblem('小林')).toBeNull()
    expect(devNameProblem('rider_01-a')).toBeNull()
    expect(devNameProblem('  ')).toBe('请输入演示用户名')
    expect(devNameProblem('小 林')).toMatch(/只能包含/)
    expect(devNameProblem('x'.repeat(33))).toMatch(/最多32个字符/)
  })
})

describe('on launch', () => {
  it('in WeChat, signs in silently when no session is stored', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    login.mockResolvedValue({ code: 'wx-code-2', errMsg: 'login:ok' })
    routeRequests({ 'POST /auth/wechat': ok(session()) })

    await startSessionOnLaunch()

    expect(callsTo('POST /auth/wechat')).toHaveLength(1)
    expect(currentUser()).not.toBeNull()
  })

  it('in WeChat, keeps a stored session instead of signing in again', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    routeRequests({})

    await startSessionOnLaunch()

    expect(login).not.toHaveBeenCalled()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('in WeChat, stays quietly signed out when the silent sign-in fails', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    login.mockRejectedValue({ errMsg: 'login:fail' })

    await expect(startSessionOnLaunch()).resolves.toBeUndefined()
    expect(currentUser()).toBeNull()
  })

  it('in H5, only restores: it never signs anyone in', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    routeRequests({})

    await startSessionOnLaunch()

    expect(login).not.toHaveBeenCalled()
    expect(Taro.request).not.toHaveBeenCalled()
    expect(currentUser()).toBeNull()
  })
})

describe('staff sign-in and sign-out', () => {
  it('replaces a user session with the staff one and revokes the old refresh token', async () => {
    sessionStore.save({
      accessToken: 'user-access',
      refreshToken: 'refresh-user-0001',
      user: userMe(),
    })
    routeRequests({
      'POST /auth/staff': ok(
        session(staffMe(), { access: 'staff-access', refresh: 'refresh-staff-001' }),
      ),
      'POST /auth/logout': noContent(),
    })

    const user = await signInStaff({ username: 'gl.lin', password: 'correct horse' })

    expect(user.staff?.region.name).toBe('鼓楼区')
    expect(sessionStore.current()?.accessToken).toBe('staff-access')
    await expect.poll(() => callsTo('POST /auth/logout')).toHaveLength(1)
    expect(callsTo('POST /auth/logout')[0]?.data).toEqual({ refreshToken: 'refresh-user-0001' })
  })

  it('signs out locally even when the server cannot be told', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    routeRequests({ 'POST /auth/logout': apiFailure(503, 'service_unavailable', '维护中') })

    await signOut()

    expect(currentUser()).toBeNull()
    expect(callsTo('POST /auth/logout')[0]?.data).toEqual({ refreshToken: 'refresh-token-0001' })
  })
})
