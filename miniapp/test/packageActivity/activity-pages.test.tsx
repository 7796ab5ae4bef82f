import type { Activity } from '@djt/shared'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ActivityDetailPage from '../../src/packageActivity/pages/detail'
import StaffActivityPage from '../../src/packageActivity/pages/staff-detail'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe, userMe } from '../fixtures'
import { routerParams } from '../mocks/taro'

const ID = '0b7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f'
const MINUTE = 60_000

function activity(startsInMinutes: number, over: Partial<Activity> = {}): Activity {
  const start = Date.now() + startsInMinutes * MINUTE
  return {
    id: ID,
    kind: 'theme_day',
    title: '七一主题党日',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 60 * MINUTE).toISOString(),
    placeId: null,
    placeName: null,
    address: '福州市鼓楼区东街128号',
    location: { lat: 26.09, lng: 119.299 },
    regionCode: '350102',
    capacity: 30,
    signedUp: 1,
    audience: 'nearby',
    branchId: null,
    branchName: null,
    description: null,
    state: 'published',
    cancelReason: null,
    closedAt: null,
    createdAt: '2026-06-01T00:00:00.000Z',
    ...over,
  }
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
})
afterEach(() => {
  delete routerParams.id
  delete routerParams.lat
  delete routerParams.lng
  vi.useRealTimers()
})

describe("a member's activity page", () => {
  beforeEach(() => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    Object.assign(routerParams, { id: ID, lat: '26.07', lng: '119.29' })
  })

  it('signs up from the page 附近 opened, then shows the member as signed up', async () => {
    let signedUp = false
    routeRequests({
      [`GET /activities/${ID}`]: () =>
        ok({
          ...activity(120, { signedUp: signedUp ? 2 : 1 }),
          distance: 900,
          openToMe: true,
          signedUpByMe: signedUp,
          attendedAt: null,
        }),
      [`POST /activities/${ID}/signup`]: () => {
        signedUp = true
        return { statusCode: 204, data: '', header: {}, errMsg: 'request:ok' }
      },
    })
    render(<ActivityDetailPage />)
    expect(await screen.findByText('地点：900米 · 福州市鼓楼区东街128号')).toBeTruthy()
    fireEvent.click(screen.getByText('报名'))
    expect(await screen.findByText('你已报名')).toBeTruthy()
    expect(callsTo(`POST /activities/${ID}/signup`)).toHaveLength(1)
    expect(screen.getByText('取消报名')).toBeTruthy()
    // The point 附近 opened it at goes along for the distance only.
    expect(callsTo(`GET /activities/${ID}`)[0]?.data).toEqual({ lat: 26.07, lng: 119.29 })
    // Two hours ahead: too early to sign in.
    expect(screen.queryByText('签到')).toBeNull()
  })

  it('signs in with the typed code in a browser; a refused code is said', async () => {
    const mine = {
      ...activity(20),
      distance: null,
      openToMe: true,
      signedUpByMe: true,
      attendedAt: null,
    }
    routeRequests({
      [`GET /activities/${ID}`]: ok(mine),
      [`POST /activities/${ID}/sign-in`]: (call) =>
        (call.data as { code: string }).code === 'good'
          ? {
              ...ok({ message: '签到成功', first: true, at: new Date().toISOString() }),
              statusCode: 201,
            }
          : apiFailure(400, 'validation_failed', '签到码已过期，请扫描现场最新的签到码', [
              { field: 'body.code', message: '签到码已过期，请扫描现场最新的签到码' },
            ]),
    })
    render(<ActivityDetailPage />)
    const box = await screen.findByPlaceholderText('输入现场签到码下方的文字')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('请扫描现场签到码')).toBeTruthy()
    expect(callsTo(`POST /activities/${ID}/sign-in`)).toHaveLength(0)

    fireEvent.change(box, { target: { value: 'stale' } })
    fireEvent.click(screen.getByText('签到'))
    await vi.waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(JSON.stringify(vi.mocked(Taro.showModal).mock.calls.at(-1))).toContain('签到码已过期')

    fireEvent.change(box, { target: { value: 'good' } })
    fireEvent.click(screen.getByText('签到'))
    await vi.waitFor(() => expect(callsTo(`POST /activities/${ID}/sign-in`)).toHaveLength(2))
    expect(callsTo(`POST /activities/${ID}/sign-in`)[1]?.data).toEqual({ code: 'good' })
  })
})

describe("the organiser's activity page", () => {
  it('shows the QR with its code as text, and asks for the next one when it expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
    routerParams.id = ID
    let served = 0
    routeRequests({
      [`GET /staff/activities/${ID}`]: ok({
        ...activity(20),
        minutes: null,
        photoIds: [],
        signups: [],
        attendances: [],
      }),
      [`GET /staff/activities/${ID}/sign-in-code`]: () => {
        served += 1
        return ok({
          code: `djta1.code-${served}`,
          expiresAt: new Date(Date.now() + 30_000).toISOString(),
          qrDataUrl: 'data:image/svg+xml;base64,PHN2Zy8+',
        })
      },
    })
    render(<StaffActivityPage />)
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(screen.getByText('djta1.code-1')).toBeTruthy()
    const qr = document.querySelector('.activity__qr-image')
    expect(qr?.getAttribute('src')).toContain('data:image/svg+xml')
    await act(() => vi.advanceTimersByTimeAsync(29_000))
    expect(served).toBe(1)
    await act(() => vi.advanceTimersByTimeAsync(1_500))
    expect(screen.getByText('djta1.code-2')).toBeTruthy()
  })

  it('cancels with a reason and ticks a member by hand with one, each through its sheet', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
    routerParams.id = ID
    const MEMBER = '6f1c2c1e-1b7a-4d3e-9a51-2f3b4c5d6e7f'
    const detail = (over: Record<string, unknown> = {}) => ({
      ...activity(20),
      minutes: null,
      photoIds: [],
      signups: [{ membershipId: MEMBER, memberName: '周文华', signedUpAt: '2026-06-02T00:00:00Z' }],
      attendances: [],
      ...over,
    })
    routeRequests({
      [`GET /staff/activities/${ID}`]: ok(detail()),
      [`GET /staff/activities/${ID}/sign-in-code`]: apiFailure(409, 'conflict', '不在签到时间内'),
      [`POST /staff/activities/${ID}/attendances`]: (call) => ({
        ...ok(
          detail({
            attendances: [
              {
                membershipId: MEMBER,
                memberName: '周文华',
                method: 'manual',
                reason: (call.data as { reason: string }).reason,
                at: new Date().toISOString(),
              },
            ],
          }),
        ),
        statusCode: 201,
      }),
      [`POST /staff/activities/${ID}/cancel`]: (call) =>
        ok(detail({ state: 'cancelled', cancelReason: (call.data as { reason: string }).reason })),
    })
    render(<StaffActivityPage />)
    fireEvent.click(await screen.findByText('补签'))
    fireEvent.click(screen.getByText('确认补签'))
    // The shared schema's own message: nothing is sent without a reason.
    expect(await screen.findByText(/补签原因/, { selector: '.textarea-field__error' })).toBeTruthy()
    expect(callsTo(`POST /staff/activities/${ID}/attendances`)).toHaveLength(0)
    fireEvent.change(screen.getByPlaceholderText('如：手机没电，现场核实到会'), {
      target: { value: '手机没电，现场核实' },
    })
    fireEvent.click(screen.getByText('确认补签'))
    expect(await screen.findByText(/补签（手机没电，现场核实）/)).toBeTruthy()
    expect(callsTo(`POST /staff/activities/${ID}/attendances`)[0]?.data).toEqual({
      membershipId: MEMBER,
      reason: '手机没电，现场核实',
    })

    fireEvent.click(screen.getByText('取消活动'))
    fireEvent.change(screen.getByPlaceholderText('如：因天气原因改期'), {
      target: { value: '台风改期' },
    })
    fireEvent.click(screen.getByText('确认取消'))
    expect(await screen.findByText(/已取消（台风改期）/)).toBeTruthy()
    // Cancelled: no QR, no more actions.
    expect(screen.queryByText('现场签到码')).toBeNull()
    expect(screen.queryByText('取消活动')).toBeNull()
  })

  it('closes with the minutes and two photos, uploaded as chosen, one taken out again', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
    routerParams.id = ID
    const PHOTOS = [
      '6a1f2e3d-4c5b-4a69-8877-665544332211',
      '7b2f3e4d-5c6b-4a79-8877-665544332212',
      '8c3f4e5d-6c7b-4a89-8877-665544332213',
    ]
    let uploaded = 0
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ id: PHOTOS[uploaded++] }), { status: 201 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    let shown = 0
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = () => `blob:photo-${++shown}`
      },
    )
    const detail = (over: Record<string, unknown> = {}) => ({
      ...activity(-90),
      minutes: null,
      photoIds: [],
      signups: [],
      attendances: [],
      ...over,
    })
    routeRequests({
      [`GET /staff/activities/${ID}`]: ok(detail()),
      [`GET /staff/activities/${ID}/sign-in-code`]: apiFailure(409, 'conflict', '不在签到时间内'),
      [`POST /staff/activities/${ID}/close`]: (call) => {
        const body = call.data as { minutes: string; photoIds: string[] }
        return ok(detail({ state: 'closed', minutes: body.minutes, photoIds: body.photoIds }))
      },
    })
    render(<StaffActivityPage />)
    fireEvent.click(await screen.findByText('结束并记录'))
    const choose = async (label: RegExp) =>
      fireEvent.change(await screen.findByLabelText(label), {
        target: { files: [new File(['png'], 'p.png', { type: 'image/png' })] },
      })
    await choose(/已选0张/)
    await choose(/已选1张/)
    await choose(/已选2张/)
    expect(await screen.findByAltText('第3张照片')).toBeTruthy()
    fireEvent.click(screen.getAllByText('删除')[1] as HTMLElement)
    fireEvent.change(screen.getByPlaceholderText('时间、地点、内容、参加人数等'), {
      target: { value: '学习党章，8人参加' },
    })
    fireEvent.click(screen.getByText('确认结束'))
    await vi.waitFor(() => expect(callsTo(`POST /staff/activities/${ID}/close`)).toHaveLength(1))
    expect(callsTo(`POST /staff/activities/${ID}/close`)[0]?.data).toEqual({
      minutes: '学习党章，8人参加',
      photoIds: [PHOTOS[0], PHOTOS[2]],
    })
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(await screen.findByText('查看第2张活动照片')).toBeTruthy()
    expect(screen.queryByText('查看第3张活动照片')).toBeNull()
    vi.unstubAllGlobals()
  })
})
