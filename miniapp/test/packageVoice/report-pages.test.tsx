import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import StaffReportPage from '../../src/packageVoice/pages/staff-report'
import { ledgerFilterOf, ledgerFilterText } from '../../src/packageVoice/report/list-filter'
import { outcomeRequestOf } from '../../src/packageVoice/report/outcome-model'
import ReportForm from '../../src/packageVoice/report/ReportForm'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe, userMe } from '../fixtures'
import { routerParams } from '../mocks/taro'

const ID = '3c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f'

function report(over: Record<string, unknown> = {}) {
  return {
    id: ID,
    category: 'food',
    merchant: {
      name: '某某快餐店',
      address: '五四路100号',
      creditCode: null,
      location: null,
    },
    text: '后厨生熟不分，苍蝇很多',
    regionCode: '350102',
    regionName: '鼓楼区',
    state: 'open',
    outcome: null,
    outcomeNote: null,
    referredTo: null,
    photoIds: [],
    createdAt: '2026-12-01T02:00:00.000Z',
    events: [{ kind: 'reported', text: null, regionName: null, at: '2026-12-01T02:00:00.000Z' }],
    reporterName: '王小明',
    ...over,
  }
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
})

describe('reporting a merchant', () => {
  it('checks with the shared schema, leaves out a blank credit code and point, and shows what the server refused', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    const fuzhou = { code: '350100', name: '福州市', level: 'city', parentCode: '350000' }
    const gulou = { code: '350102', name: '鼓楼区', level: 'county', parentCode: '350100' }
    let answer: unknown = apiFailure(400, 'validation_failed', '以下字段有误', [
      { field: 'body.text', message: '问题描述含有不宜公开的内容' },
    ])
    routeRequests({
      'GET /regions': (call) =>
        ok({ items: (call.data as { parent?: string }).parent === '350100' ? [gulou] : [fuzhou] }),
      'GET /regions/350102': ok({ ...gulou, ancestors: [] }),
      'POST /supervision-reports': () => answer as ReturnType<typeof ok>,
    })
    const reported = vi.fn()
    render(<ReportForm onReported={reported} />)
    fireEvent.click(screen.getByText('提交报告'))
    expect(await screen.findByText('请选择问题类别')).toBeTruthy()
    expect(screen.getByText('请填写商家名称')).toBeTruthy()
    expect(callsTo('POST /supervision-reports')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('问题类别'), { target: { value: 'food' } })
    const type = (placeholder: string, value: string) =>
      fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })
    type('店招上的名称，如：某某快餐店', '某某快餐店')
    type('街道、门牌号', '五四路100号')
    type('营业执照上的18位代码', '91350100M000100Y44')
    type('如：后厨生熟不分、标价与结账不符', '后厨生熟不分，苍蝇很多')
    fireEvent.click(screen.getByText('请选择区县'))
    fireEvent.click(await screen.findByText('福州市'))
    fireEvent.click(await screen.findByText('鼓楼区'))
    fireEvent.click(screen.getByText('提交报告'))
    expect(await screen.findByText(/校验/)).toBeTruthy()
    expect(callsTo('POST /supervision-reports')).toHaveLength(0)

    // A blank credit code and no point on the map are left out.
    type('营业执照上的18位代码', '')
    fireEvent.click(screen.getByText('提交报告'))
    await vi.waitFor(() => expect(callsTo('POST /supervision-reports')).toHaveLength(1))
    expect(callsTo('POST /supervision-reports')[0]?.data).toEqual({
      category: 'food',
      merchant: { name: '某某快餐店', address: '五四路100号', regionCode: '350102' },
      text: '后厨生熟不分，苍蝇很多',
      photoIds: [],
    })
    expect(await screen.findByText('问题描述含有不宜公开的内容')).toBeTruthy()
    answer = { ...ok(report()), statusCode: 201 }
    fireEvent.click(screen.getByText('提交报告'))
    await vi.waitFor(() => expect(reported).toHaveBeenCalledTimes(1))
  })
})

describe('the outcome a clerk records', () => {
  it('sends 转办 to a county or a department, and says what is missing', () => {
    expect(outcomeRequestOf('', '说明', { regionCode: '', department: '' })).toEqual({
      ok: false,
      message: '请选择核查结果',
    })
    expect(outcomeRequestOf('county', '属台江区', { regionCode: '', department: '' })).toEqual({
      ok: false,
      message: '请选择转往的区县',
    })
    expect(
      outcomeRequestOf('county', '属台江区', { regionCode: '350103', department: 'x' }),
    ).toEqual({
      ok: true,
      body: { outcome: 'referred', note: '属台江区', toRegionCode: '350103' },
    })
    expect(
      outcomeRequestOf('department', '移交', { regionCode: '', department: ' 区卫健局 ' }),
    ).toEqual({ ok: true, body: { outcome: 'referred', note: '移交', toDepartment: '区卫健局' } })
    expect(outcomeRequestOf('upheld', '已责令整改', { regionCode: '1', department: '2' })).toEqual({
      ok: true,
      body: { outcome: 'upheld', note: '已责令整改' },
    })
  })

  it('reads what a ledger figure asks of the list', () => {
    expect(ledgerFilterOf({ year: '2026', outcome: 'upheld', region: '350102' })).toEqual({
      year: 2026,
      outcome: 'upheld',
    })
    expect(ledgerFilterOf({ year: 'x', outcome: 'maybe' })).toEqual({})
    expect(ledgerFilterText({ year: 2026, outcome: 'upheld' })).toBe('2026年 · 已核查属实并处理')
    expect(ledgerFilterText({})).toBeNull()
  })
})

describe("a report on the staff's page", () => {
  it('names the reporter to staff only and records the outcome through its sheet', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
    routerParams.id = ID
    routeRequests({
      [`GET /staff/supervision-reports/${ID}`]: ok(report()),
      [`POST /staff/supervision-reports/${ID}/outcome`]: (call) => {
        const body = call.data as { outcome: string; note: string }
        return ok(
          report({
            state: 'closed',
            outcome: body.outcome,
            outcomeNote: body.note,
            events: [
              ...report().events,
              { kind: 'close', text: body.note, regionName: null, at: '2026-12-02T02:00:00.000Z' },
            ],
          }),
        )
      },
    })
    render(<StaffReportPage />)
    expect(await screen.findByText(/报告人：王小明/)).toBeTruthy()
    expect(screen.getByText('食品安全 · 某某快餐店')).toBeTruthy()
    expect(screen.getByText('待核查')).toBeTruthy()
    fireEvent.click(screen.getByText('记录核查结果'))
    fireEvent.change(screen.getByPlaceholderText('如：已责令整改，立案调查'), {
      target: { value: '已责令整改' },
    })
    fireEvent.click(screen.getByText('确认'))
    expect(await screen.findByText('请选择核查结果')).toBeTruthy()
    expect(callsTo(`POST /staff/supervision-reports/${ID}/outcome`)).toHaveLength(0)
    fireEvent.change(screen.getByLabelText('核查结果'), { target: { value: 'upheld' } })
    fireEvent.click(screen.getByText('确认'))
    expect(await screen.findByText(/核查结果：已责令整改/)).toBeTruthy()
    expect(screen.getByText('已核查属实并处理')).toBeTruthy()
    expect(callsTo(`POST /staff/supervision-reports/${ID}/outcome`)[0]?.data).toEqual({
      outcome: 'upheld',
      note: '已责令整改',
    })
    delete routerParams.id
  })
})
