import type { PledgeQueueItem, StaffPledge } from '@djt/shared'
import { periodOf, previousPeriod } from '@djt/shared'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import PledgeDetailPage from '../../src/packageStaff/pages/pledge-detail'
import PledgeQueuePage from '../../src/packageStaff/pages/pledges'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe } from '../fixtures'
import { routerParams } from '../mocks/taro'
import { myPledge, PLEDGE_ID, pledgeVersion } from '../pledge-fixtures'

const PENDING_ID = '9e2f5c74-1b3a-4e9c-8f73-4c8e2f1a9d33'

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
})
afterEach(() => {
  for (const key of Object.keys(routerParams)) delete routerParams[key]
})

function queueItem(overrides: Partial<PledgeQueueItem> = {}): PledgeQueueItem {
  return {
    pledgeId: PLEDGE_ID,
    versionId: PENDING_ID,
    number: 2,
    kind: 'operator',
    state: 'pending',
    displayName: '周师傅',
    business: '老周水果店',
    regionName: '鼓楼区',
    submittedAt: '2026-11-10T02:00:00.000Z',
    checkNotes: ['含有“最”字样，请核实是否夸大'],
    isEdit: true,
    ...overrides,
  }
}

function staffPledge(): StaffPledge {
  const pending = pledgeVersion({
    id: PENDING_ID,
    number: 2,
    state: 'pending',
    decidedAt: null,
    content: { ...pledgeVersion().content, promises: [{ text: '诚信经营' }, { text: '明码标价' }] },
  })
  const base = myPledge({ versions: [pending, pledgeVersion()] })
  return { ...base, regionName: '鼓楼区', memberState: 'verified', memberStateText: '已核验' }
}

describe('承诺审核 queue', () => {
  it('shows flags and the 修改 badge, and asks again per state tab', async () => {
    routeRequests({
      'GET /review/pledges': (call) =>
        (call.data as { state: string }).state === 'pending'
          ? ok({ items: [queueItem()], next: null, total: 1 })
          : ok({ items: [], next: null, total: 0 }),
    })
    render(<PledgeQueuePage />)

    expect(await screen.findByText('周师傅')).toBeTruthy()
    expect(screen.getByText('修改')).toBeTruthy()
    expect(screen.getByText('⚠ 含有“最”字样，请核实是否夸大')).toBeTruthy()
    fireEvent.click(screen.getByText('周师傅'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packageStaff/pages/pledge-detail/index?id=${PLEDGE_ID}`,
    })

    fireEvent.click(screen.getByText('不予通过'))
    expect(await screen.findByText('没有这一类的承诺。')).toBeTruthy()
    expect(callsTo('GET /review/pledges').at(-1)?.data).toMatchObject({ state: 'rejected' })
  })

  it('opens on 公示中 for the ledger’s public pledges: approved and active', async () => {
    Object.assign(routerParams, { region: '350102', state: 'approved', status: 'active' })
    routeRequests({
      'GET /review/pledges': ok({
        items: [queueItem({ state: 'approved' })],
        next: null,
        total: 1,
      }),
      'GET /regions/350102': ok({ code: '350102', name: '鼓楼区', level: 'county', ancestors: [] }),
    })
    render(<PledgeQueuePage />)
    expect(await screen.findByText('周师傅')).toBeTruthy()
    expect(callsTo('GET /review/pledges')[0]?.data).toMatchObject({
      region: '350102',
      state: 'approved',
      status: 'active',
    })
    expect(screen.getByText('公示中').className).toContain('tab--on')

    fireEvent.click(screen.getByText('已通过'))
    await waitFor(() => expect(callsTo('GET /review/pledges')).toHaveLength(2))
    expect(callsTo('GET /review/pledges')[1]?.data).not.toHaveProperty('status', 'active')
  })
})

describe('承诺详情', () => {
  it('shows what the pending version changes and approves that version', async () => {
    routerParams.id = PLEDGE_ID
    const approved = { ...staffPledge(), versions: [pledgeVersion({ id: PENDING_ID, number: 2 })] }
    routeRequests({
      [`GET /review/pledges/${PLEDGE_ID}`]: ok(staffPledge()),
      [`POST /review/pledges/${PLEDGE_ID}/decision`]: ok(approved),
    })
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false } as never)
    render(<PledgeDetailPage />)

    expect(await screen.findByText('待审核：第 2 版')).toBeTruthy()
    const changed = (selector: string) =>
      [...document.querySelectorAll(selector)].map((node) => node.textContent)
    expect(changed('.pledge-detail__change-label')).toEqual(['删去承诺', '新增承诺'])
    expect(changed('.pledge-detail__before')).toEqual(['坏果包换'])
    expect(changed('.pledge-detail__after')).toEqual(['明码标价'])
    fireEvent.click(screen.getByText('通过'))

    await waitFor(() =>
      expect(callsTo(`POST /review/pledges/${PLEDGE_ID}/decision`)).toHaveLength(1),
    )
    expect(callsTo(`POST /review/pledges/${PLEDGE_ID}/decision`)[0]?.data).toEqual({
      versionId: PENDING_ID,
      decision: 'approve',
    })
    await waitFor(() => expect(screen.queryByText('待审核：第 2 版')).toBeNull())
  })

  it('asks for a reason before returning, and reloads when someone decided first', async () => {
    routerParams.id = PLEDGE_ID
    routeRequests({
      [`GET /review/pledges/${PLEDGE_ID}`]: ok(staffPledge()),
      [`POST /review/pledges/${PLEDGE_ID}/decision`]: apiFailure(409, 'conflict', '该版本已被处理'),
    })
    render(<PledgeDetailPage />)
    fireEvent.click(await screen.findByText('退回修改'))
    fireEvent.click(screen.getByText('确认退回'))
    expect(screen.getByText('退回或不予通过时请写明原因')).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText(/第3条承诺过于笼统/), {
      target: { value: '请写明坏果如何包换' },
    })
    fireEvent.click(screen.getByText('确认退回'))
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '该版本已被处理' }),
      ),
    )
    await waitFor(() => expect(callsTo(`GET /review/pledges/${PLEDGE_ID}`)).toHaveLength(2))
  })

  it('checks an evaluation by the shared rule and sends it for the chosen half-year', async () => {
    routerParams.id = PLEDGE_ID
    routeRequests({
      [`GET /review/pledges/${PLEDGE_ID}`]: ok(staffPledge()),
      [`POST /review/pledges/${PLEDGE_ID}/evaluations`]: ok(staffPledge()),
    })
    render(<PledgeDetailPage />)
    fireEvent.click(await screen.findByText('保存考评'))
    expect(screen.getByText('请填写0到100的评分')).toBeTruthy()

    const [, lastHalf] = screen.getAllByText(/^20\d\d年[上下]半年$/)
    fireEvent.click(lastHalf as HTMLElement)
    fireEvent.change(screen.getByPlaceholderText('如 92'), { target: { value: '92' } })
    fireEvent.click(screen.getByRole('switch'))
    fireEvent.click(screen.getByText('保存考评'))

    await waitFor(() =>
      expect(callsTo(`POST /review/pledges/${PLEDGE_ID}/evaluations`)).toHaveLength(1),
    )
    expect(callsTo(`POST /review/pledges/${PLEDGE_ID}/evaluations`)[0]?.data).toEqual({
      period: previousPeriod(periodOf(new Date())),
      score: 92,
      award: true,
    })
  })
})
