import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import StatusPage from '../../src/packageMember/pages/status'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, userMe } from '../fixtures'
import { myMembership, regionDetail } from '../membership-fixtures'

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
})

const verified = myMembership({
  state: 'verified',
  idNumberMasked: '1101**********002X',
  warnings: [{ field: 'workRegionCode', message: '信用代码登记地与所选地区不一致' }],
  timeline: [
    {
      at: '2026-11-05T02:00:00.000Z',
      action: 'submitted',
      fromState: 'draft',
      toState: 'submitted',
      actor: '本人',
      note: null,
      photoId: null,
    },
    {
      at: '2026-11-06T01:30:00.000Z',
      action: 'verified',
      fromState: 'submitted',
      toState: 'verified',
      actor: '鼓楼区市场监管局',
      note: '名册一致',
      photoId: null,
    },
  ],
})

describe('my membership status', () => {
  it('shows the state large, the masked identifiers, warnings and the newest event first', async () => {
    routeRequests({ 'GET /memberships/mine': ok({ membership: verified }) })
    render(<StatusPage />)

    const badge = await screen.findByText('已核验')
    expect(badge.className).toContain('state-badge--success')
    expect(badge.className).toContain('state-badge--large')
    expect(screen.getByText('138****5678')).toBeTruthy()
    expect(screen.getByText('1101**********002X')).toBeTruthy()
    expect(screen.getByText('信用代码登记地与所选地区不一致')).toBeTruthy()
    const actions = screen.getAllByText(/提交登记|核验通过/).map((node) => node.textContent)
    expect(actions).toEqual(['核验通过', '提交登记'])
    // 01:30 UTC is 09:30 in Beijing.
    expect(screen.getByText('2026-11-06 09:30')).toBeTruthy()
    expect(screen.getByText('名册一致')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '修改' })).toBeNull()
  })

  it('offers 修改 while the entry can still change', async () => {
    routeRequests({ 'GET /memberships/mine': ok({ membership: myMembership() }) })
    render(<StatusPage />)

    fireEvent.click(await screen.findByRole('button', { name: '修改' }))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageMember/pages/register/index' })
  })

  it('withdraws only after a confirmation, then shows the new state', async () => {
    let state: 'submitted' | 'withdrawn' = 'submitted'
    routeRequests({
      'GET /memberships/mine': () => ok({ membership: myMembership({ state }) }),
      'POST /memberships/mine/withdraw': () => {
        state = 'withdrawn'
        return ok(myMembership({ state }))
      },
    })
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: '' })
    render(<StatusPage />)

    fireEvent.click(await screen.findByRole('button', { name: '撤回' }))
    await vi.waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(callsTo('POST /memberships/mine/withdraw')).toHaveLength(0)

    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: '' })
    fireEvent.click(screen.getByRole('button', { name: '撤回' }))

    expect(await screen.findByText('已撤回')).toBeTruthy()
    expect(screen.getByRole('button', { name: '重新登记' })).toBeTruthy()
  })

  it('offers to register when there is no entry', async () => {
    routeRequests({ 'GET /memberships/mine': ok({ membership: null }) })
    render(<StatusPage />)

    fireEvent.click(await screen.findByRole('button', { name: '去登记' }))

    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageMember/pages/register/index' })
  })
})

describe('who verifies and what happens next', () => {
  const bureau = '福州市鼓楼区市场监督管理局'

  it('names the county bureau of the work region', async () => {
    routeRequests({
      'GET /memberships/mine': ok({ membership: myMembership({ state: 'submitted' }) }),
      'GET /regions/350102': ok(regionDetail),
    })
    render(<StatusPage />)

    expect(await screen.findByText(`由 ${bureau} 核验`)).toBeTruthy()
    expect(screen.getByText(/正在等待福州市鼓楼区市场监督管理局核验/)).toBeTruthy()
  })

  it.each([
    ['submitted', /正在等待.*核验.*仍可修改或撤回/],
    ['needs_info', /请你补充信息。请点“补充并重新提交”.*可附一张截图/],
    ['resubmitted', /补充的信息已提交，正在等待.*再次核验/],
    ['verified', /已核验，登记信息已生效。你可以到“承诺”页发布党员承诺/],
    ['rejected', /未通过核验，原因见下方办理记录.*点“修改”更正后重新提交/],
    ['revoked', /已撤销这条登记的核验/],
    ['withdrawn', /你已撤回这条登记.*不会再核验.*点“重新登记”/],
  ] as const)('says what happens next when %s', async (state, text) => {
    routeRequests({
      'GET /memberships/mine': ok({ membership: myMembership({ state }) }),
      'GET /regions/350102': ok(regionDetail),
    })
    render(<StatusPage />)

    expect(await screen.findByText(`由 ${bureau} 核验`)).toBeTruthy()
    expect(screen.getByText(text)).toBeTruthy()
  })

  it('falls back to a plain description when the region cannot be read', async () => {
    routeRequests({
      'GET /memberships/mine': ok({ membership: myMembership() }),
      'GET /regions/350102': apiFailure(503, 'unavailable', '服务暂时不可用'),
    })
    render(<StatusPage />)

    expect(await screen.findByText('由 工作地所在县（市、区）市场监督管理局 核验')).toBeTruthy()
  })
})
