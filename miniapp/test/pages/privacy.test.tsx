import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import PrivacyPage from '../../src/pages/privacy'
import { currentUser, installSession, sessionStore } from '../../src/services/session'
import { callsTo, failure, ok, routeRequests, userMe } from '../fixtures'

const notice = {
  version: '2026-11-01',
  title: '党建通隐私保护指引',
  body: ['我们收集的信息：微信提供的匿名标识。', '您的权利：查看、导出、注销。'],
}

beforeEach(() => {
  installSession()
})

describe('privacy notice page', () => {
  it("shows the server's notice; signed out there is nothing to accept", async () => {
    routeRequests({ 'GET /privacy-notice': ok(notice) })
    render(<PrivacyPage />)

    expect(await screen.findByText('党建通隐私保护指引')).toBeTruthy()
    expect(screen.getByText('您的权利：查看、导出、注销。')).toBeTruthy()
    expect(screen.getByText('登录后可在此同意本指引。')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '同意本指引' })).toBeNull()
  })

  it('records consent to the version shown and returns to the page that asked', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    const accepted = userMe({
      privacy: { version: '2026-11-01', acceptedAt: '2026-11-05T02:00:00.000Z' },
    })
    routeRequests({ 'GET /privacy-notice': ok(notice), 'POST /me/privacy-consent': ok(accepted) })
    vi.mocked(Taro.getCurrentPages).mockReturnValue([
      { route: 'packageMember/pages/register/index' },
      {},
    ])
    render(<PrivacyPage />)

    fireEvent.click(await screen.findByRole('button', { name: '同意本指引' }))

    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalledTimes(1))
    expect(callsTo('POST /me/privacy-consent')).toHaveLength(1)
    expect(Taro.switchTab).not.toHaveBeenCalled()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('opened on its own, records consent, stays and says when it was given', async () => {
    vi.mocked(Taro.getCurrentPages).mockReturnValue([{}])
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    const accepted = userMe({
      privacy: { version: '2026-11-01', acceptedAt: '2026-11-05T02:00:00.000Z' },
    })
    routeRequests({ 'GET /privacy-notice': ok(notice), 'POST /me/privacy-consent': ok(accepted) })
    render(<PrivacyPage />)

    fireEvent.click(await screen.findByRole('button', { name: '同意本指引' }))

    expect(await screen.findByText(/你已于 2026-11-05 同意本指引（2026-11-01 版）/)).toBeTruthy()
    expect(callsTo('POST /me/privacy-consent')[0]?.data).toEqual({ version: '2026-11-01' })
    expect(currentUser()?.privacy?.version).toBe('2026-11-01')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('asks again when the notice has a newer version than the one accepted', async () => {
    const old = userMe({
      privacy: { version: '2025-01-01', acceptedAt: '2025-01-02T02:00:00.000Z' },
    })
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: old })
    routeRequests({ 'GET /privacy-notice': ok(notice) })
    render(<PrivacyPage />)

    expect(await screen.findByText(/指引已更新/)).toBeTruthy()
    expect(screen.getByRole('button', { name: '同意本指引' })).toBeTruthy()
  })

  it('offers a retry when the notice cannot be loaded', async () => {
    routeRequests({
      'GET /privacy-notice': failure(404, { error: { code: 'not_found', message: '未找到' } }),
    })
    render(<PrivacyPage />)

    expect(await screen.findByText('未找到')).toBeTruthy()
    routeRequests({ 'GET /privacy-notice': ok(notice) })
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(await screen.findByText('党建通隐私保护指引')).toBeTruthy()
  })

  it('in WeChat, also links to the guide registered with WeChat', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    routeRequests({ 'GET /privacy-notice': ok(notice) })
    render(<PrivacyPage />)

    fireEvent.click(await screen.findByText('查看在微信登记的隐私保护指引'))

    expect(Taro.openPrivacyContract).toHaveBeenCalledTimes(1)
  })

  it('in H5 has no WeChat guide to link to', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    routeRequests({ 'GET /privacy-notice': ok(notice) })
    render(<PrivacyPage />)

    expect(await screen.findByText('党建通隐私保护指引')).toBeTruthy()
    expect(screen.queryByText('查看在微信登记的隐私保护指引')).toBeNull()
  })
})
