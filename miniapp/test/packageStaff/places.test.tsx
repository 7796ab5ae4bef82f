import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import CheckinReviewPage from '../../src/packageStaff/pages/checkins'
import PlaceEditPage from '../../src/packageStaff/pages/place-edit'
import PlaceImportPage from '../../src/packageStaff/pages/place-import'
import StaffPlacesPage from '../../src/packageStaff/pages/places'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, staffMe } from '../fixtures'
import { routerParams } from '../mocks/taro'
import { checkin, PLACE_ID, placeDetail, placeSummary } from '../place-fixtures'

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
})
afterEach(() => {
  delete routerParams.id
  vi.unstubAllGlobals()
})

const type = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })

describe('place form', () => {
  it('shows Chinese errors under the fields and sends nothing', async () => {
    routeRequests({})
    render(<PlaceEditPage />)
    type('如 26.0865', '26.1')
    type('如 119.2965', 'abc')
    fireEvent.click(screen.getByText('保存'))

    expect(await screen.findByText('请填写场所名称')).toBeTruthy()
    expect(screen.getByText('请选择场所类型')).toBeTruthy()
    expect(screen.getByText('经度应为数字')).toBeTruthy()
    expect(screen.getByText('请按提示修改后再保存')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('creates a 24-hour station with its facilities in the chosen county', async () => {
    const fuzhou = { code: '350100', name: '福州市', level: 'city', parentCode: '350000' }
    const gulou = { code: '350102', name: '鼓楼区', level: 'county', parentCode: '350100' }
    routeRequests({
      'GET /regions': (call) =>
        ok({ items: (call.data as { parent?: string }).parent === '350100' ? [gulou] : [fuzhou] }),
      'GET /regions/350102': ok({ ...gulou, ancestors: [] }),
      'POST /places': { ...ok(placeDetail()), statusCode: 201 },
    })
    render(<PlaceEditPage />)
    type('如：东街口爱心驿站', '东街口爱心驿站')
    fireEvent.change(screen.getByLabelText('场所类型'), { target: { value: 'care_station' } })
    fireEvent.change(screen.getByLabelText('运营方'), { target: { value: 'union' } })
    type('街道、门牌号', '东街口百货大楼旁')
    type('如 26.0865', '26.0878')
    type('如 119.2965', '119.2965')
    fireEvent.click(screen.getAllByRole('switch')[0] as HTMLElement) // 24小时开放
    fireEvent.click(screen.getByText('饮用水'))
    fireEvent.click(screen.getByText('电动车充电'))
    fireEvent.click(screen.getByText('保存'))
    // No county yet: the picker's own error, and nothing sent.
    expect(
      await screen.findByText(/行政区划|区县/, { selector: '.field-frame__error' }),
    ).toBeTruthy()
    expect(callsTo('POST /places')).toHaveLength(0)

    fireEvent.click(screen.getByText('请选择区县'))
    fireEvent.click(await screen.findByText('福州市'))
    fireEvent.click(await screen.findByText('鼓楼区'))
    fireEvent.click(screen.getByText('保存'))

    await vi.waitFor(() => expect(callsTo('POST /places')).toHaveLength(1))
    expect(callsTo('POST /places')[0]?.data).toMatchObject({
      name: '东街口爱心驿站',
      kind: 'care_station',
      regionCode: '350102',
      location: { lat: 26.0878, lng: 119.2965 },
      hours: { always: true },
      facilities: ['water', 'charging'],
      operator: 'union',
    })
  })

  it('loads a place to edit and sends it back with PATCH', async () => {
    routerParams.id = PLACE_ID
    routeRequests({
      [`GET /staff/places/${PLACE_ID}`]: ok(placeDetail()),
      'GET /regions/350102': ok({
        code: '350102',
        name: '鼓楼区',
        level: 'county',
        parentCode: '350100',
        path: '350000.350100.350102',
      }),
      [`PATCH /places/${PLACE_ID}`]: ok(placeDetail({ name: '东街口爱心驿站（新）' })),
    })
    render(<PlaceEditPage />)
    const name = (await screen.findByDisplayValue('东街口爱心驿站')) as HTMLInputElement
    fireEvent.change(name, { target: { value: '东街口爱心驿站（新）' } })
    fireEvent.click(screen.getByText('保存'))

    await vi.waitFor(() => expect(callsTo(`PATCH /places/${PLACE_ID}`)).toHaveLength(1))
    const body = callsTo(`PATCH /places/${PLACE_ID}`)[0]?.data as {
      place: { name: string; hours: { days: unknown[] } }
    }
    expect(body.place.name).toBe('东街口爱心驿站（新）')
    expect(body.place.hours.days).toHaveLength(7)
  })
})

describe('场所管理', () => {
  it('lists my places with their status and suspends one after confirming', async () => {
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false } as never)
    let status = 'open'
    routeRequests({
      'GET /staff/places': () =>
        ok({ items: [placeSummary({ status: status as 'open' })], next: null }),
      [`PATCH /places/${PLACE_ID}`]: () => {
        status = 'suspended'
        return ok(placeDetail({ status: 'suspended' }))
      },
    })
    render(<StaffPlacesPage />)
    expect(await screen.findByText('开放')).toBeTruthy()

    fireEvent.click(screen.getByText('暂停'))

    expect(await screen.findByText('已暂停')).toBeTruthy()
    expect(screen.getByText('恢复开放')).toBeTruthy()
    expect(callsTo(`PATCH /places/${PLACE_ID}`)[0]?.data).toEqual({ status: 'suspended' })
  })
})

describe('场所导入', () => {
  it('wants the coordinate system chosen before uploading, and shows rejects and duplicates', async () => {
    const report = {
      id: '5e0b2c1d-3f4a-4b5c-8d9e-0a1b2c3d4e5f',
      fileName: '驿站.csv',
      crs: 'bd09',
      rowsRead: 5,
      rowsAccepted: 3,
      rowsRejected: 1,
      rejected: [
        { line: 4, field: 'lat', reason: '纬度超出中国范围' },
        { line: 5, field: null, reason: '缺少必填项' },
      ],
      duplicates: [{ line: 6, name: '东街口爱心驿站', existing: '东街口爱心驿站' }],
    }
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(report), { status: 201 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    render(<PlaceImportPage />)
    const file = new File(['名称,纬度,经度'], '驿站.csv', { type: 'text/csv' })
    fireEvent.change(screen.getByLabelText('选择场所文件'), { target: { files: [file] } })
    expect(screen.getByText('请先选择坐标系').closest('button')?.disabled).toBe(true)

    fireEvent.click(screen.getByText('BD-09（百度地图）'))
    fireEvent.click(screen.getByText('上传并导入'))

    expect(await screen.findByText('第 4 行 · 纬度：纬度超出中国范围')).toBeTruthy()
    expect(screen.getByText('第 5 行 · 整行：缺少必填项')).toBeTruthy()
    expect(screen.getByText('第 6 行 · 东街口爱心驿站：与「东街口爱心驿站」重复')).toBeTruthy()
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('/places/imports?crs=bd09')
  })
})

describe('报到审核', () => {
  it('approves one and declines another only with a reason', async () => {
    const first = checkin()
    const second = checkin({ id: '9a8b7c6d-3333-4e5f-8a9b-000000000004', memberName: '王测试' })
    routeRequests({
      'GET /review/checkins': ok({ items: [first, second], next: null, total: 2 }),
      [`POST /review/checkins/${first.id}/decision`]: ok({ ...first, state: 'approved' }),
      [`POST /review/checkins/${second.id}/decision`]: ok({ ...second, state: 'declined' }),
    })
    render(<CheckinReviewPage />)
    expect(await screen.findByText('林测试')).toBeTruthy()
    expect(screen.getByText('共 2 条')).toBeTruthy()

    // 同意 asks first; 再看看 leaves the check-in where it was.
    fireEvent.click(screen.getAllByText('同意')[0] as HTMLElement)
    await vi.waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]?.content).toContain('林测试')
    expect(callsTo(`POST /review/checkins/${first.id}/decision`)).toHaveLength(0)
    vi.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' })
    fireEvent.click(screen.getAllByText('同意')[0] as HTMLElement)
    await vi.waitFor(() => expect(screen.queryByText('林测试')).toBeNull())
    // The decided one leaves the list and its count alike.
    expect(screen.getByText('共 1 条')).toBeTruthy()

    fireEvent.click(screen.getByText('不同意'))
    fireEvent.click(screen.getByText('确认不同意'))
    expect(await screen.findByText('请填写不同意的原因')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText('如：不属于本支部联系范围'), {
      target: { value: '不在本片区' },
    })
    fireEvent.click(screen.getByText('确认不同意'))

    expect(await screen.findByText('没有待审核的报到。')).toBeTruthy()
    expect(callsTo(`POST /review/checkins/${first.id}/decision`)[0]?.data).toEqual({
      decision: 'approve',
    })
    expect(callsTo(`POST /review/checkins/${second.id}/decision`)[0]?.data).toEqual({
      decision: 'decline',
      note: '不在本片区',
    })
  })

  it('keeps the history: 已同意 and 未同意 list decided check-ins with the reason', async () => {
    const declined = checkin({
      memberName: '王测试',
      state: 'declined',
      note: '不在本片区',
      decidedAt: '2026-05-21T02:00:00.000Z',
    })
    routeRequests({ 'GET /review/checkins': ok({ items: [declined], next: null, total: 1 }) })
    render(<CheckinReviewPage />)
    fireEvent.click(await screen.findByText('未同意'))
    expect(await screen.findByText('原因：不在本片区')).toBeTruthy()
    expect(screen.getByText(/处理于 2026-05-21 10:00/)).toBeTruthy()
    expect(callsTo('GET /review/checkins').map((call) => call.data)).toContainEqual({
      state: 'declined',
    })
  })
})
