import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import StaffDifficultyPage from '../../src/packageVoice/pages/staff-detail'
import RaiseForm from '../../src/packageVoice/voice/RaiseForm'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe, userMe } from '../fixtures'
import { routerParams } from '../mocks/taro'

const ID = '2c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f'

function difficulty(over: Record<string, unknown> = {}) {
  return {
    id: ID,
    category: 'entry',
    text: '小区保安不让骑手进门送餐',
    place: null,
    regionCode: '350102',
    regionName: '鼓楼区',
    state: 'open',
    outcome: null,
    helpful: null,
    meToo: 2,
    photoIds: [],
    createdAt: '2026-12-01T02:00:00.000Z',
    events: [{ kind: 'raised', text: null, regionName: null, at: '2026-12-01T02:00:00.000Z' }],
    riderName: '王小明',
    ...over,
  }
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
})

describe('raising a difficulty', () => {
  it('checks with the shared schema, sends the place only when begun, and says what the server refused', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    let answer: unknown = apiFailure(400, 'validation_failed', '以下字段有误', [
      { field: 'body.place.regionCode', message: '请选择到区县一级' },
    ])
    routeRequests({ 'POST /difficulties': () => answer as ReturnType<typeof ok> })
    const raised = vi.fn()
    render(<RaiseForm onRaised={raised} />)
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('请选择诉求类别')).toBeTruthy()
    expect(callsTo('POST /difficulties')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('诉求类别'), { target: { value: 'entry' } })
    fireEvent.change(
      screen.getByPlaceholderText('什么地方、什么情况，如：某小区不让骑手进门送餐'),
      {
        target: { value: '小区保安不让骑手进门送餐' },
      },
    )
    fireEvent.click(screen.getByText('提交'))
    await vi.waitFor(() => expect(callsTo('POST /difficulties')).toHaveLength(1))
    expect(callsTo('POST /difficulties')[0]?.data).toEqual({
      category: 'entry',
      text: '小区保安不让骑手进门送餐',
      photoIds: [],
    })
    expect(await screen.findByText('请选择到区县一级')).toBeTruthy()
    answer = { ...ok(difficulty()), statusCode: 201 }
    fireEvent.click(screen.getByText('提交'))
    await vi.waitFor(() => expect(raised).toHaveBeenCalledTimes(1))
  })
})

describe("a difficulty on the staff's page", () => {
  it('replies through its sheet and shows the answer', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
    routerParams.id = ID
    routeRequests({
      [`GET /staff/difficulties/${ID}`]: ok(difficulty()),
      [`POST /staff/difficulties/${ID}/reply`]: (call) =>
        ok(
          difficulty({
            events: [
              ...difficulty().events,
              {
                kind: 'reply',
                text: (call.data as { text: string }).text,
                regionName: null,
                at: '2026-12-02T02:00:00.000Z',
              },
            ],
          }),
        ),
    })
    render(<StaffDifficultyPage />)
    expect(await screen.findByText('提交人：王小明')).toBeTruthy()
    expect(screen.getByText('进门难 · 鼓楼区 · 2人也遇到')).toBeTruthy()
    fireEvent.click(screen.getByText('答复'))
    fireEvent.change(screen.getByPlaceholderText('如：已联系物业，明天起允许骑手登记后进入'), {
      target: { value: '已联系物业' },
    })
    fireEvent.click(screen.getByText('发送答复'))
    expect(await screen.findByText(/答复：已联系物业/)).toBeTruthy()
    expect(screen.getByText('已答复，办理中')).toBeTruthy()
    delete routerParams.id
  })
})
