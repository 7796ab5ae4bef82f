import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import StaffLoginPage from '../../src/packageStaff/pages/login'
import { currentUser, installSession } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, session, staffMe } from '../fixtures'

function fill(placeholder: string, value: string) {
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })
}
const submit = () => fireEvent.click(screen.getByRole('button', { name: '登录' }))

beforeEach(() => {
  installSession()
})

describe('staff sign-in page', () => {
  it('signs in with account and password, then goes back to 我的', async () => {
    routeRequests({ 'POST /auth/staff': ok(session(staffMe())) })
    render(<StaffLoginPage />)

    fill('账号', 'gl.lin')
    fill('密码', 'correct horse battery')
    submit()

    await vi.waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledTimes(1))
    expect(callsTo('POST /auth/staff')[0]?.data).toEqual({
      username: 'gl.lin',
      password: 'correct horse battery',
    })
    expect(currentUser()?.staff?.region.name).toBe('鼓楼区')
  })

  it('goes to the 我的 tab when the page was opened directly', async () => {
    vi.mocked(Taro.getCurrentPages).mockReturnValue([{}])
    routeRequests({ 'POST /auth/staff': ok(session(staffMe())) })
    render(<StaffLoginPage />)

    fill('账号', 'gl.lin')
    fill('密码', 'pw')
    submit()

    await vi.waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }))
  })

  it('checks the form with the shared rules before sending anything', async () => {
    routeRequests({})
    render(<StaffLoginPage />)

    submit()

    expect(await screen.findByText('请输入账号')).toBeTruthy()
    expect(screen.getByText('请输入密码')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('asks for the 6-digit code after mfa_required and sends it with the retry', async () => {
    routeRequests({
      'POST /auth/staff': (call) =>
        (call.data as { otp?: string }).otp === '123456'
          ? ok(session(staffMe()))
          : apiFailure(401, 'mfa_required', '请输入动态验证码'),
    })
    render(<StaffLoginPage />)
    expect(screen.queryByPlaceholderText('6位数字')).toBeNull()

    fill('账号', 'gl.lin')
    fill('密码', 'pw')
    submit()
    expect(await screen.findByPlaceholderText('6位数字')).toBeTruthy()
    expect(screen.getByText(/已开启双因素认证/)).toBeTruthy()
    expect(Taro.navigateBack).not.toHaveBeenCalled()

    submit()
    expect(await screen.findByText('动态验证码应为6位数字')).toBeTruthy()
    expect(callsTo('POST /auth/staff')).toHaveLength(1)

    fill('6位数字', '123456')
    submit()
    await vi.waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledTimes(1))
    expect(callsTo('POST /auth/staff')[1]?.data).toEqual({
      username: 'gl.lin',
      password: 'pw',
      otp: '123456',
    })
  })

  it("shows the server's messages under the fields they belong to", async () => {
    routeRequests({
      'POST /auth/staff': apiFailure(400, 'validation_failed', '请检查填写的内容', [
        { field: 'body.username', message: '账号过长' },
      ]),
    })
    render(<StaffLoginPage />)

    fill('账号', 'someone')
    fill('密码', 'pw')
    submit()

    expect(await screen.findByText('账号过长')).toBeTruthy()
    expect(screen.queryByText('请检查填写的内容')).toBeNull()
  })

  it('says 账号或密码错误 for wrong credentials, and the lock-out when locked', async () => {
    routeRequests({ 'POST /auth/staff': apiFailure(401, 'invalid_credentials', '账号或密码错误') })
    render(<StaffLoginPage />)

    fill('账号', 'gl.lin')
    fill('密码', 'wrong')
    submit()
    expect(await screen.findByText('账号或密码错误')).toBeTruthy()

    routeRequests({
      'POST /auth/staff': apiFailure(
        423,
        'account_locked',
        '登录失败次数过多，账号已锁定，请15分钟后再试',
      ),
    })
    submit()
    expect(await screen.findByText(/账号已锁定/)).toBeTruthy()
    expect(currentUser()).toBeNull()
  })
})
