import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ReviewQueuePage from '../../src/packageStaff/pages/review'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, staffMe, userMe } from '../fixtures'
import { ENTRY_ID, reviewItem } from '../membership-fixtures'
import { fire, routerParams } from '../mocks/taro'

const STRONG_ID = '7d1c3f0e-5b7a-4c3e-9a51-0c2b6f1e9a02'
const WEAK_ID = '7d1c3f0e-5b7a-4c3e-9a51-0c2b6f1e9a03'

function signIn(user = staffMe()) {
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user })
}

beforeEach(() => {
  installSession()
})
afterEach(() => {
  for (const key of ['region', 'state', 'kind']) delete routerParams[key]
})

describe('review queue', () => {
  it('lists entries, narrows by chip, and follows the cursor with 加载更多', async () => {
    signIn()
    routeRequests({
      'GET /review/memberships': (call) => {
        const query = call.data as { after?: string }
        return query.after
          ? ok({ items: [reviewItem({ id: WEAK_ID, name: '王五' })], next: null })
          : ok({ items: [reviewItem()], next: 'cursor-2' })
      },
    })
    render(<ReviewQueuePage />)

    expect(await screen.findByText('陈小明')).toBeTruthy()
    expect(screen.getByText('快递外卖骑手 · 鼓楼区 · 138****5678')).toBeTruthy()
    expect(screen.getByText('证据强度：中（1 个名录一致）')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(await screen.findByText('王五')).toBeTruthy()
    expect(callsTo('GET /review/memberships')[1]?.data).toMatchObject({ after: 'cursor-2' })
    expect(screen.getByText('已显示全部')).toBeTruthy()

    fireEvent.click(screen.getByText('待核验', { selector: '.review__chip' }))
    await vi.waitFor(() =>
      expect(callsTo('GET /review/memberships')[2]?.data).toEqual({
        state: 'submitted',
        limit: 20,
      }),
    )
  })

  it('starts on the waiting entries; 全部 asks for every state', async () => {
    signIn()
    routeRequests({ 'GET /review/memberships': ok({ items: [reviewItem()], next: null }) })
    render(<ReviewQueuePage />)
    await screen.findByText('陈小明')
    expect(callsTo('GET /review/memberships')[0]?.data).toEqual({ state: 'waiting', limit: 20 })
    const stateChips = () =>
      screen.getByText('状态').parentElement?.querySelectorAll('.review__chip')
    const labels = [...(stateChips() ?? [])].map((chip) => chip.textContent)
    expect(labels[0]).toBe('等待核验')
    expect(labels.at(-1)).toBe('全部')
    expect(stateChips()?.[0]?.className).toContain('review__chip--on')

    const all = [...(stateChips() ?? [])].at(-1)
    if (all) fireEvent.click(all)
    await vi.waitFor(() =>
      expect(callsTo('GET /review/memberships')[1]?.data).toEqual({ state: 'all', limit: 20 }),
    )
  })

  it('opens with the region and filters a ledger figure names', async () => {
    signIn()
    Object.assign(routerParams, { region: '350102', state: 'waiting', kind: 'bogus' })
    routeRequests({
      'GET /review/memberships': ok({ items: [reviewItem()], next: null }),
      'GET /regions/350102': ok({ code: '350102', name: '鼓楼区', level: 'county', ancestors: [] }),
    })
    render(<ReviewQueuePage />)
    await screen.findByText('陈小明')
    expect(callsTo('GET /review/memberships')[0]?.data).toEqual({
      region: '350102',
      state: 'waiting',
      limit: 20,
    })
  })

  it('loads the next page when the list is scrolled to the bottom', async () => {
    signIn()
    routeRequests({ 'GET /review/memberships': ok({ items: [reviewItem()], next: 'cursor-2' }) })
    render(<ReviewQueuePage />)
    await screen.findByText('陈小明')

    act(() => fire('reachBottom'))

    await vi.waitFor(() => expect(callsTo('GET /review/memberships')).toHaveLength(2))
  })

  it('opens an entry', async () => {
    signIn()
    routeRequests({ 'GET /review/memberships': ok({ items: [reviewItem()], next: null }) })
    render(<ReviewQueuePage />)

    fireEvent.click(await screen.findByText('陈小明'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packageStaff/pages/review-detail/index?id=${ENTRY_ID}`,
    })
  })

  it('bulk-verifies only strongly matched entries and shows what was skipped', async () => {
    signIn()
    const strong = reviewItem({
      id: STRONG_ID,
      name: '李四',
      strength: 'strong',
      matchingSources: 2,
    })
    routeRequests({
      'GET /review/memberships': ok({ items: [reviewItem(), strong], next: null }),
      'POST /review/memberships/bulk-verify': ok({
        verified: [],
        skipped: [{ id: STRONG_ID, reason: '名录已更新，证据不足' }],
      }),
    })
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: '' })
    render(<ReviewQueuePage />)

    fireEvent.click(await screen.findByRole('button', { name: '批量核验（1 条证据充分）' }))
    expect(document.querySelectorAll('.review__check')).toHaveLength(1)
    fireEvent.click(screen.getByText('李四'))
    fireEvent.click(screen.getByRole('button', { name: '核验所选' }))

    expect(await screen.findByText('李四：名录已更新，证据不足')).toBeTruthy()
    expect(callsTo('POST /review/memberships/bulk-verify')[0]?.data).toEqual({ ids: [STRONG_ID] })
    expect(screen.getByText('已核验 0 条，未处理 1 条。')).toBeTruthy()
  })

  it('is for staff only', () => {
    signIn(userMe())
    routeRequests({})
    render(<ReviewQueuePage />)

    expect(screen.getByText(/仅供市场监管工作人员使用/)).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})
