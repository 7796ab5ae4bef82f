import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import MfaEnrollmentPage from '../../src/packageStaff/pages/mfa'
import { currentUser, installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe } from '../fixtures'

const enrollment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauthUrl: 'otpauth://totp/dangjiantong:gl.lin?secret=JBSWY3DPEHPK3PXPJBSWY3DP',
  qrDataUrl: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
}

beforeEach(() => {
  installSession()
  sessionStore.save({
    accessToken: 'a',
    refreshToken: 'refresh-token-0001',
    user: staffMe({ mfaEnabled: false }),
  })
})

describe('MFA enrolment page', () => {
  it('shows the QR code and the secret for manual entry, and copies the secret', async () => {
    routeRequests({ 'POST /auth/staff/mfa/enroll': ok(enrollment) })
    const { container } = render(<MfaEnrollmentPage />)

    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy()
    expect(container.querySelector('img')?.getAttribute('src')).toBe(enrollment.qrDataUrl)
    fireEvent.click(screen.getByRole('button', { name: '复制密钥' }))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: enrollment.secret })
    expect(callsTo('POST /auth/staff/mfa/enroll')).toHaveLength(1)
  })

  it('confirms with a first code, marks MFA on, and goes back', async () => {
    routeRequests({
      'POST /auth/staff/mfa/enroll': ok(enrollment),
      'POST /auth/staff/mfa/confirm': ok(staffMe({ mfaEnabled: true })),
    })
    render(<MfaEnrollmentPage />)

    fireEvent.change(await screen.findByPlaceholderText('6位数字'), { target: { value: '654321' } })
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }))

    await vi.waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledTimes(1))
    expect(callsTo('POST /auth/staff/mfa/confirm')[0]?.data).toEqual({ otp: '654321' })
    expect(currentUser()?.staff?.mfaEnabled).toBe(true)
  })

  it('shows a wrong code under the field', async () => {
    routeRequests({
      'POST /auth/staff/mfa/enroll': ok(enrollment),
      'POST /auth/staff/mfa/confirm': apiFailure(400, 'validation_failed', '动态验证码错误', [
        { field: 'body.otp', message: '动态验证码错误' },
      ]),
    })
    render(<MfaEnrollmentPage />)

    fireEvent.change(await screen.findByPlaceholderText('6位数字'), { target: { value: '000000' } })
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }))

    expect(await screen.findByText('动态验证码错误')).toBeTruthy()
    expect(currentUser()?.staff?.mfaEnabled).toBe(false)
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('starts nothing for someone who is not signed in as staff', () => {
    sessionStore.clear()
    routeRequests({})
    render(<MfaEnrollmentPage />)

    expect(screen.getByText('请先以工作人员身份登录。')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
