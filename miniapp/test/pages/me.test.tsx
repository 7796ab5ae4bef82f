import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import MePage from '../../src/pages/me'
import { installSession, sessionStore } from '../../src/services/session'
import {
  callsTo,
  noContent,
  ok,
  routeRequests,
  serviceStatus,
  session,
  staffMe,
  userMe,
} from '../fixtures'
import { myMembership } from '../membership-fixtures'
import { fire, storage } from '../mocks/taro'

const region = {
  code: '350102',
  name: '鼓楼区',
  level: 'county',
  parentCode: '350100',
  ancestors: [
    { code: '350100', name: '福州市', level: 'city', parentCode: '350000' },
    { code: '350000', name: '福建省', level: 'province', parentCode: null },
  ],
}

function signedIn(user = userMe()) {
  sessionStore.save({ accessToken: 'access-1', refreshToken: 'refresh-token-0001', user })
}

function routes(overrides: Parameters<typeof routeRequests>[0] = {}) {
  return routeRequests({
    'GET /status': ok(serviceStatus()),
    'GET /me': ok(sessionStore.current()?.user ?? userMe()),
    'GET /regions/350102': ok(region),
    'GET /memberships/mine': ok({ membership: null }),
    ...overrides,
  })
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
})

describe('我的 signed out', () => {
  it('offers the demo sign-in in H5 when the server is in dev mode, and signs in with it', async () => {
    routes({
      'GET /status': ok(serviceStatus({ wechatDevMode: true })),
      'POST /auth/wechat': ok(session()),
    })
    render(<MePage />)

    fireEvent.change(await screen.findByPlaceholderText('输入演示用户名'), {
      target: { value: '小林' },
    })
    fireEvent.click(screen.getByRole('button', { name: '演示登录' }))

    expect(await screen.findByText('微信用户')).toBeTruthy()
    expect(callsTo('POST /auth/wechat')[0]?.data).toEqual({ code: 'dev:小林' })
    expect(screen.queryByPlaceholderText('输入演示用户名')).toBeNull()
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy()
  })

  it('says what is wrong with a demo name the server would refuse, and sends nothing', async () => {
    routes({ 'GET /status': ok(serviceStatus({ wechatDevMode: true })) })
    render(<MePage />)

    fireEvent.change(await screen.findByPlaceholderText('输入演示用户名'), {
      target: { value: '小 林' },
    })
    fireEvent.click(screen.getByRole('button', { name: '演示登录' }))

    expect(await screen.findByText(/只能包含中文、字母、数字/)).toBeTruthy()
    expect(callsTo('POST /auth/wechat')).toHaveLength(0)
  })

  it('in H5 without dev mode, says to open the mini-program and offers no demo field', async () => {
    routes()
    render(<MePage />)

    expect(await screen.findByText(/请在微信中打开/)).toBeTruthy()
    expect(screen.queryByPlaceholderText('输入演示用户名')).toBeNull()
    expect(screen.getByText('未登录')).toBeTruthy()
    expect(screen.queryByText('注销账号')).toBeNull()
    expect(screen.queryByText('导出我的数据')).toBeNull()
  })

  it('leads staff to their sign-in page in the staff sub-package', async () => {
    routes()
    render(<MePage />)

    fireEvent.click(screen.getByText('工作人员登录'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageStaff/pages/login/index' })
  })
})

describe('我的 for a mini-program user', () => {
  it('shows 微信用户 with what they registered as, and their privacy consent', async () => {
    signedIn(
      userMe({
        kind: 'rider',
        privacy: { version: '2026-11-01', acceptedAt: '2026-11-05T02:00:00.000Z' },
      }),
    )
    routes()
    render(<MePage />)

    expect(screen.getByText('微信用户')).toBeTruthy()
    expect(screen.getByText('网约配送员')).toBeTruthy()
    expect(screen.getByText('已同意 2026-11-01 版')).toBeTruthy()
    expect(screen.getByText('注销账号')).toBeTruthy()
    expect(screen.getByText('工作人员登录')).toBeTruthy()
  })

  it('opens the privacy notice page', () => {
    signedIn()
    routes()
    render(<MePage />)

    fireEvent.click(screen.getByText('隐私保护指引'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' })
  })

  it('cancels the account only after a confirmation that says what is deleted', async () => {
    signedIn()
    routes({ 'DELETE /me': noContent() })
    const showModal = vi.mocked(Taro.showModal)
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    render(<MePage />)

    fireEvent.click(screen.getByText('注销账号'))
    await vi.waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal.mock.calls[0]?.[0]).toMatchObject({
      title: '注销账号',
      confirmText: '确认注销',
    })
    expect(showModal.mock.calls[0]?.[0]?.content).toMatch(/删除.*微信身份标识/)
    expect(callsTo('DELETE /me')).toHaveLength(0)
    expect(screen.getByText('微信用户')).toBeTruthy()

    showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
    fireEvent.click(screen.getByText('注销账号'))

    expect(await screen.findByText('未登录')).toBeTruthy()
    expect(callsTo('DELETE /me')).toHaveLength(1)
    expect(callsTo('DELETE /me')[0]?.header.Authorization).toBe('Bearer access-1')
    expect(sessionStore.current()).toBeNull()
  })

  it('erases the registration draft kept on the phone with the account', async () => {
    signedIn()
    const draftKey = `djt.membershipDraft.${userMe().id}`
    storage.set(draftKey, { savedAt: '2026-11-05T02:00:00.000Z', form: { kind: 'rider' } })
    routes({ 'DELETE /me': noContent() })
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: '' })
    render(<MePage />)

    fireEvent.click(screen.getByText('注销账号'))

    expect(await screen.findByText('未登录')).toBeTruthy()
    expect(storage.has(draftKey)).toBe(false)
  })

  it('keeps the account when the server refuses the cancellation, and says why', async () => {
    signedIn()
    routes({
      'DELETE /me': {
        statusCode: 403,
        data: { error: { code: 'forbidden', message: '没有权限执行此操作' } },
        header: {},
        errMsg: 'request:ok',
      },
    })
    vi.mocked(Taro.showModal).mockResolvedValue({
      confirm: true,
      cancel: false,
      errMsg: 'showModal:ok',
    })
    render(<MePage />)

    fireEvent.click(screen.getByText('注销账号'))

    await vi.waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(2))
    expect(vi.mocked(Taro.showModal).mock.calls[1]?.[0]).toMatchObject({
      title: '注销失败',
      content: '没有权限执行此操作',
    })
    expect(sessionStore.current()).not.toBeNull()
  })

  it('in WeChat, opens the export as a workbook in the document viewer', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    signedIn()
    routes()
    vi.mocked(Taro.downloadFile).mockImplementation((async () => ({
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/my-data.xlsx',
    })) as unknown as typeof Taro.downloadFile)
    render(<MePage />)

    fireEvent.click(screen.getByText('导出我的数据'))

    await vi.waitFor(() =>
      expect(Taro.openDocument).toHaveBeenCalledWith({
        filePath: 'wxfile://tmp/my-data.xlsx',
        fileType: 'xlsx',
        showMenu: true,
      }),
    )
    expect(vi.mocked(Taro.downloadFile).mock.calls[0]?.[0]).toMatchObject({
      url: '/api/v1/me/data.xlsx',
      header: { Authorization: 'Bearer access-1' },
    })
    await vi.waitFor(() =>
      expect(vi.mocked(Taro.showToast).mock.calls.at(-1)?.[0]?.title).toContain('只显示部分数字'),
    )
    expect(Taro.setClipboardData).not.toHaveBeenCalled()
  })

  it('in H5, downloads the export as an XLSX file and says where it went', async () => {
    signedIn()
    routes()
    const fetchMock = vi.fn(async () => new Response(new Blob(['xlsx']), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    // jsdom has no object URLs; this file's module scope is the only one to see these.
    URL.createObjectURL = vi.fn(() => 'blob:my-data')
    URL.revokeObjectURL = vi.fn()
    const clicked: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download)
    })
    render(<MePage />)

    fireEvent.click(screen.getByText('导出我的数据'))

    await vi.waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(clicked).toEqual([expect.stringMatching(/^我的数据-\d{4}-\d{2}-\d{2}\.xlsx$/)])
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/me/data.xlsx', expect.anything())
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]).toMatchObject({
      title: '已导出我的数据',
      content: expect.stringContaining(clicked[0] ?? '?'),
    })
    click.mockRestore()
    vi.unstubAllGlobals()
  })

  it('says why when the export fails', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    signedIn()
    routes()
    vi.mocked(Taro.downloadFile).mockRejectedValue({ errMsg: 'downloadFile:fail timeout' })
    render(<MePage />)

    fireEvent.click(screen.getByText('导出我的数据'))

    await vi.waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]?.title).toBe('导出失败')
    expect(Taro.hideLoading).toHaveBeenCalled()
    expect(Taro.openDocument).not.toHaveBeenCalled()
  })

  it('signs out', async () => {
    signedIn()
    routes({ 'POST /auth/logout': noContent() })
    render(<MePage />)

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }))

    expect(await screen.findByText('未登录')).toBeTruthy()
    expect(callsTo('POST /auth/logout')[0]?.data).toEqual({ refreshToken: 'refresh-token-0001' })
  })
})

describe('我的: 党员登记', () => {
  it('says 未登记 and opens the register page before there is an entry', async () => {
    signedIn()
    routes()
    render(<MePage />)

    expect(await screen.findByText('未登记')).toBeTruthy()
    fireEvent.click(screen.getByText('党员登记'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageMember/pages/register/index' })
  })

  it('shows the entry’s state and opens the status page', async () => {
    signedIn()
    routes({ 'GET /memberships/mine': ok({ membership: myMembership({ state: 'verified' }) }) })
    render(<MePage />)

    expect(await screen.findByText('已核验')).toBeTruthy()
    fireEvent.click(screen.getByText('党员登记'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageMember/pages/status/index' })
  })

  it('asks again when 我的 shows again (the bureau may have decided meanwhile)', async () => {
    signedIn()
    let state: 'submitted' | 'verified' = 'submitted'
    routes({ 'GET /memberships/mine': () => ok({ membership: myMembership({ state }) }) })
    render(<MePage />)
    expect(await screen.findByText('待核验')).toBeTruthy()

    state = 'verified'
    act(() => fire('didShow'))

    expect(await screen.findByText('已核验')).toBeTruthy()
  })

  it('is not offered to staff, who get review, import, places and check-ins', () => {
    signedIn(staffMe())
    routes()
    render(<MePage />)

    expect(screen.queryByText('党员登记')).toBeNull()
    fireEvent.click(screen.getByText('登记核验'))
    fireEvent.click(screen.getByText('名录导入'))
    fireEvent.click(screen.getByText('场所管理'))
    fireEvent.click(screen.getByText('报到审核'))

    expect(vi.mocked(Taro.navigateTo).mock.calls.map(([options]) => options?.url)).toEqual([
      '/packageStaff/pages/review/index',
      '/packageStaff/pages/import/index',
      '/packageStaff/pages/places/index',
      '/packageStaff/pages/checkins/index',
    ])
  })
})

describe('我的 for staff', () => {
  it('shows name, level, jurisdiction with its city, and station; no cancellation', async () => {
    signedIn(staffMe({ level: 'station', stationName: '鼓楼区市场监管所东街指导站' }))
    routes()
    render(<MePage />)

    expect(screen.getByText('林晓')).toBeTruthy()
    expect(screen.getByText('工作人员 · 指导站')).toBeTruthy()
    expect(screen.getByText('鼓楼区')).toBeTruthy()
    expect(await screen.findByText('福州市')).toBeTruthy()
    expect(screen.getByText('鼓楼区市场监管所东街指导站')).toBeTruthy()
    expect(screen.queryByText('注销账号')).toBeNull()
    expect(screen.queryByText('工作人员登录')).toBeNull()
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy()
  })

  it('shows a province by its own name alone', async () => {
    signedIn(
      staffMe({
        level: 'province',
        region: {
          code: '350000',
          name: '福建省',
          level: 'province',
          parentCode: null,
          path: '350000',
        },
      }),
    )
    routes({
      'GET /regions/350000': ok({
        code: '350000',
        name: '福建省',
        level: 'province',
        parentCode: null,
        ancestors: [],
      }),
    })
    render(<MePage />)

    expect(screen.getByText('工作人员 · 省级')).toBeTruthy()
    expect(screen.getByText('福建省')).toBeTruthy()
  })

  it('sends staff without a second factor to enrol', () => {
    signedIn(staffMe({ mfaEnabled: false }))
    routes()
    render(<MePage />)

    fireEvent.click(screen.getByText('未绑定，去绑定 ›'))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageStaff/pages/mfa/index' })
  })

  it('drops to signed out when the session turns out to be over', async () => {
    signedIn(staffMe())
    const expired = {
      statusCode: 401,
      data: { error: { code: 'unauthorized', message: '登录已失效，请重新登录' } },
      header: {},
      errMsg: 'request:ok',
    }
    routes({ 'GET /me': expired, 'POST /auth/refresh': expired })
    render(<MePage />)

    expect(await screen.findByText('未登录')).toBeTruthy()
  })
})
