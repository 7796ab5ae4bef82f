import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ReviewDetailPage from '../../src/packageStaff/pages/review-detail'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe } from '../fixtures'
import { ENTRY_ID, regionDetail, reviewDetail } from '../membership-fixtures'
import { routerParams } from '../mocks/taro'

const DETAIL = `GET /review/memberships/${ENTRY_ID}`
const DECISION = `POST /review/memberships/${ENTRY_ID}/decision`
const REVEAL = `POST /review/memberships/${ENTRY_ID}/reveal`

function routes(overrides: Parameters<typeof routeRequests>[0] = {}) {
  return routeRequests({
    [DETAIL]: ok(reviewDetail()),
    'GET /regions/350102': ok(regionDetail),
    ...overrides,
  })
}
const confirmModals = () =>
  vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: '' })

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
  routerParams.id = ENTRY_ID
})
afterEach(() => {
  delete routerParams.id
})

describe('review detail', () => {
  it('shows the entry beside each register’s status and per-field marks', async () => {
    routes()
    render(<ReviewDetailPage />)

    expect(await screen.findByText('MT-0001')).toBeTruthy()
    expect(screen.getByText('美团')).toBeTruthy()
    expect((await screen.findAllByText('福州市鼓楼区')).length).toBe(2)
    expect(screen.getByText('需人工判断 · 证据强度：中')).toBeTruthy()
    expect(screen.getByText('平台名册一致，党员名单无记录')).toBeTruthy()
    expect(screen.getByText('平台骑手名册')).toBeTruthy()
    expect(screen.getByText('✗ 不一致')).toBeTruthy()
    expect(screen.getByText('无记录')).toBeTruthy()
  })

  it('verifies after a confirmation, sending the version it showed', async () => {
    routes({ [DECISION]: ok(reviewDetail({ state: 'verified', version: 3 })) })
    confirmModals()
    render(<ReviewDetailPage />)

    fireEvent.click(await screen.findByRole('button', { name: '通过' }))

    expect(await screen.findByText('已核验')).toBeTruthy()
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]).toMatchObject({ confirmText: '确认通过' })
    expect(callsTo(DECISION)[0]?.data).toEqual({ decision: 'verify', version: 2 })
    expect(screen.getByRole('button', { name: '撤销核验' })).toBeTruthy()
  })

  it('reloads and says so when someone else changed the entry meanwhile', async () => {
    routes({ [DECISION]: apiFailure(409, 'conflict', '登记已被修改') })
    confirmModals()
    render(<ReviewDetailPage />)

    fireEvent.click(await screen.findByRole('button', { name: '通过' }))

    await vi.waitFor(() => expect(callsTo(DETAIL)).toHaveLength(2))
    expect(vi.mocked(Taro.showModal).mock.calls[1]?.[0]).toMatchObject({ title: '登记已变化' })
  })

  it('asks for a question before 退回补充 and sends it as the note', async () => {
    routes({ [DECISION]: ok(reviewDetail({ state: 'needs_info', version: 3 })) })
    render(<ReviewDetailPage />)

    fireEvent.click(await screen.findByRole('button', { name: '退回补充' }))
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))
    expect(await screen.findByText('请填写原因或问题（至少2个字）')).toBeTruthy()
    expect(callsTo(DECISION)).toHaveLength(0)

    fireEvent.change(screen.getByPlaceholderText(/骑手编号与平台名册不一致/), {
      target: { value: '请核对骑手编号' },
    })
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }))

    expect(await screen.findByText('需补充')).toBeTruthy()
    expect(callsTo(DECISION)[0]?.data).toEqual({
      decision: 'ask',
      note: '请核对骑手编号',
      version: 2,
    })
  })

  it('reveals the full mobile only for a stated reason, inside the dialog', async () => {
    routes({ [REVEAL]: ok({ field: 'mobile', value: '13812345678' }) })
    render(<ReviewDetailPage />)

    fireEvent.click((await screen.findAllByText('查看'))[0] as HTMLElement)
    fireEvent.click(screen.getByRole('button', { name: '查看' }))
    expect(await screen.findByText('查看原因至少4个字')).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText('如：电话核实登记信息'), {
      target: { value: '电话核实登记信息' },
    })
    fireEvent.click(screen.getByRole('button', { name: '查看' }))

    expect(await screen.findByText('13812345678')).toBeTruthy()
    expect(callsTo(REVEAL)[0]?.data).toEqual({ field: 'mobile', reason: '电话核实登记信息' })
    // The number the reason named: a tap calls it.
    fireEvent.click(screen.getByText('13812345678'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13812345678' })
    fireEvent.click(screen.getByRole('button', { name: '关闭' }))
    expect(screen.queryByText('13812345678')).toBeNull()
  })

  it('opens a photo sent with an answer in the image viewer, fetched with the staff token', async () => {
    const PHOTO_ID = '6a1f2e3d-4c5b-4a69-8877-665544332211'
    const detail = reviewDetail()
    routes({
      [DETAIL]: ok({
        ...detail,
        timeline: [
          {
            at: '2026-11-07T02:00:00.000Z',
            action: 'answered',
            fromState: 'needs_info',
            toState: 'resubmitted',
            actor: '本人',
            note: '截图已附上',
            photoId: PHOTO_ID,
          },
          ...detail.timeline,
        ],
      }),
    })
    vi.mocked(Taro.downloadFile).mockImplementation((async () => ({
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/answer.png',
    })) as unknown as typeof Taro.downloadFile)
    render(<ReviewDetailPage />)

    fireEvent.click(await screen.findByText('查看附带的照片'))

    await vi.waitFor(() =>
      expect(Taro.previewImage).toHaveBeenCalledWith({
        urls: ['wxfile://tmp/answer.png'],
        current: 'wxfile://tmp/answer.png',
      }),
    )
    expect(vi.mocked(Taro.downloadFile).mock.calls[0]?.[0]).toMatchObject({
      url: `/api/v1/review/memberships/${ENTRY_ID}/answer-photos/${PHOTO_ID}`,
      header: { Authorization: 'Bearer a' },
    })
  })
})
