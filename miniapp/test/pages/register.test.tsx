import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import RegisterPage from '../../src/packageMember/pages/register'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, userMe } from '../fixtures'
import { myMembership, regionChildren, regionDetail } from '../membership-fixtures'
import { storage } from '../mocks/taro'

const member = userMe({
  privacy: { version: '2026-11-01', acceptedAt: '2026-11-05T02:00:00.000Z' },
})
const DRAFT_KEY = `djt.membershipDraft.${member.id}`

function routes(overrides: Parameters<typeof routeRequests>[0] = {}) {
  return routeRequests({
    'GET /memberships/mine': ok({ membership: null }),
    'GET /regions': (call) => ok(regionChildren((call.data as { parent?: string }).parent)),
    'GET /regions/350102': ok(regionDetail),
    ...overrides,
  })
}

const type = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })
const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

async function pickGulou() {
  fireEvent.click(screen.getAllByText('请选择区县')[0] as HTMLElement)
  fireEvent.click(await screen.findByText('福州市'))
  fireEvent.click(await screen.findByText('鼓楼区'))
}

async function fillRider() {
  fireEvent.click(await screen.findByText('快递外卖骑手'))
  type('与身份证一致', '陈小明')
  type('11位手机号', '13812345678')
  choose('配送平台', 'meituan')
  type('平台App中的骑手编号/工号', 'MT-0001')
  type('如：美团鼓楼东街站', '美团鼓楼东街站')
  await pickGulou()
  type('如：××街道××社区党支部', '鼓楼区东街社区党支部')
  await pickGulou()
  choose('党员类型', 'full')
  choose('入党日期', '2015-07-01')
  fireEvent.click(screen.getAllByRole('switch')[0] as HTMLElement)
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
  sessionStore.save({ accessToken: 'access-1', refreshToken: 'refresh-token-0001', user: member })
})

describe('register page: a new rider', () => {
  it('asks for the kind first, then submits the rider form and opens the status page', async () => {
    routes({
      'POST /memberships': { statusCode: 201, data: myMembership(), header: {}, errMsg: '' },
    })
    render(<RegisterPage />)

    await fillRider()
    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    await vi.waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packageMember/pages/status/index' }),
    )
    expect(callsTo('POST /memberships')[0]?.data).toEqual({
      action: 'submit',
      form: {
        kind: 'rider',
        name: '陈小明',
        mobile: '13812345678',
        platform: 'meituan',
        riderId: 'MT-0001',
        deliveryStation: '美团鼓楼东街站',
        workRegionCode: '350102',
        orgName: '鼓楼区东街社区党支部',
        orgRegionCode: '350102',
        memberType: 'full',
        joinedOn: '2015-07-01',
        flowMember: true,
        wantsLocalBranch: false,
      },
    })
    expect(storage.has(DRAFT_KEY)).toBe(false)
  })

  it('shows each field’s message under it, sends nothing and scrolls to the first', async () => {
    routes()
    render(<RegisterPage />)
    fireEvent.click(await screen.findByText('快递外卖骑手'))

    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    expect(await screen.findByText('请填写姓名')).toBeTruthy()
    for (const message of ['请填写手机号', '请选择配送平台', '请选择工作地区', '请选择入党日期']) {
      expect(screen.getByText(message)).toBeTruthy()
    }
    expect(screen.getByText('请按红色提示修改后再提交')).toBeTruthy()
    expect(callsTo('POST /memberships')).toHaveLength(0)
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#field-name', duration: 300 })

    type('与身份证一致', '陈')
    expect(screen.queryByText('请填写姓名')).toBeNull()
  })

  it('explains what the ID number is for', async () => {
    routes()
    render(<RegisterPage />)
    fireEvent.click(await screen.findByText('快递外卖骑手'))

    expect(screen.getByText(/仅用于与党组织的党员名单比对.*加密保存.*只显示部分号码/)).toBeTruthy()
  })

  it('puts the server’s field messages under their fields', async () => {
    routes({
      'POST /memberships': apiFailure(400, 'validation_failed', '请检查填写的内容', [
        { field: 'body.form.riderId', message: '该骑手编号已被他人登记' },
      ]),
    })
    render(<RegisterPage />)

    await fillRider()
    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    expect(await screen.findByText('该骑手编号已被他人登记')).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('leads to the privacy notice when the server wants consent first', async () => {
    routes({
      'POST /memberships': apiFailure(403, 'privacy_consent_required', '请先同意隐私保护指引'),
    })
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: '' })
    render(<RegisterPage />)

    await fillRider()
    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    await vi.waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' }),
    )
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]).toMatchObject({ confirmText: '去查看' })
  })

  it('reminds a member without consent before they start typing', async () => {
    sessionStore.updateUser(userMe())
    routes()
    render(<RegisterPage />)
    fireEvent.click(await screen.findByText('快递外卖骑手'))

    fireEvent.click(screen.getByRole('button', { name: '查看并同意隐私保护指引' }))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' })
  })
})

describe('register page: drafts', () => {
  it('saves what is typed on the phone and restores it after the app was closed', async () => {
    routes()
    const first = render(<RegisterPage />)
    fireEvent.click(await screen.findByText('快递外卖骑手'))
    type('与身份证一致', '陈小明')
    type('18位身份证号（选填）', '11010519491231002X')

    await vi.waitFor(() =>
      expect(storage.get(DRAFT_KEY)).toMatchObject({ form: { name: '陈小明' } }),
    )
    expect(JSON.stringify(storage.get(DRAFT_KEY))).not.toContain('11010519491231002X')
    first.unmount()

    render(<RegisterPage />)
    expect(await screen.findByDisplayValue('陈小明')).toBeTruthy()
    expect(screen.getByText(/已恢复 .* 保存在本机的草稿/)).toBeTruthy()
  })

  it('writes a pending change at once when the page hides', async () => {
    const { fire } = await import('../mocks/taro')
    routes()
    render(<RegisterPage />)
    fireEvent.click(await screen.findByText('快递外卖骑手'))
    type('与身份证一致', '陈小明')

    act(() => fire('didHide'))

    expect(storage.get(DRAFT_KEY)).toMatchObject({ form: { kind: 'rider', name: '陈小明' } })
  })

  it('opens the server draft when it is newer than the phone’s, and 保存草稿 saves to the server', async () => {
    storage.set(DRAFT_KEY, {
      savedAt: '2026-11-01T00:00:00.000Z',
      form: { kind: 'rider', name: '旧名字' },
      answer: '',
    })
    const draft = myMembership({ state: 'draft', updatedAt: '2026-11-05T02:00:00.000Z' })
    routes({ 'GET /memberships/mine': ok({ membership: draft }), 'POST /memberships': ok(draft) })
    render(<RegisterPage />)

    expect(await screen.findByDisplayValue('陈小明')).toBeTruthy()
    expect(screen.getByPlaceholderText('已保存 138****5678，不修改可留空')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))

    await vi.waitFor(() => expect(callsTo('POST /memberships')).toHaveLength(1))
    expect(callsTo('POST /memberships')[0]?.data).toMatchObject({
      action: 'save',
      form: { kind: 'rider', name: '陈小明' },
    })
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '草稿已保存', icon: 'success' })
  })
})

describe('register page: an entry the bureau asked about', () => {
  it('shows the question, sends the answer and keeps the stored mobile', async () => {
    const asked = myMembership({ state: 'needs_info', question: '请核对骑手编号' })
    routes({
      'GET /memberships/mine': ok({ membership: asked }),
      'POST /memberships': ok(myMembership({ state: 'resubmitted' })),
    })
    render(<RegisterPage />)

    expect(await screen.findByText('请核对骑手编号')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '保存草稿' })).toBeNull()
    type('请回答上面的问题，或说明你修改了哪些内容', '编号已更正为 MT-0002')
    type('平台App中的骑手编号/工号', 'MT-0002')
    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    await vi.waitFor(() => expect(callsTo('POST /memberships')).toHaveLength(1))
    const body = callsTo('POST /memberships')[0]?.data as { form: object; answer: string }
    expect(body.answer).toBe('编号已更正为 MT-0002')
    expect(body.form).toMatchObject({ riderId: 'MT-0002' })
    expect(body.form).not.toHaveProperty('mobile')
  })

  it('attaches one photo to the answer, uploaded first, and sends its id', async () => {
    const PHOTO_ID = '6a1f2e3d-4c5b-4a69-8877-665544332211'
    const asked = myMembership({ state: 'needs_info', question: '请发骑手App个人页截图' })
    routes({
      'GET /memberships/mine': ok({ membership: asked }),
      'POST /memberships': ok(myMembership({ state: 'resubmitted' })),
    })
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ id: PHOTO_ID }), { status: 201 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = () => 'blob:screenshot'
      },
    )
    render(<RegisterPage />)

    const picker = await screen.findByLabelText('附一张照片或截图（可选）')
    const shot = new File(['png'], 'shot.png', { type: 'image/png' })
    fireEvent.change(picker, { target: { files: [shot] } })
    expect(await screen.findByText('删除照片')).toBeTruthy()
    type('请回答上面的问题，或说明你修改了哪些内容', '截图已附上')
    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    await vi.waitFor(() => expect(callsTo('POST /memberships')).toHaveLength(1))
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/photos')
    expect(callsTo('POST /memberships')[0]?.data).toMatchObject({
      action: 'submit',
      answer: '截图已附上',
      answerPhotoId: PHOTO_ID,
    })
    vi.unstubAllGlobals()
  })

  it('sends no photo id when none was attached', async () => {
    const asked = myMembership({ state: 'needs_info', question: '请核对骑手编号' })
    routes({
      'GET /memberships/mine': ok({ membership: asked }),
      'POST /memberships': ok(myMembership({ state: 'resubmitted' })),
    })
    render(<RegisterPage />)
    await screen.findByText('请核对骑手编号')
    type('请回答上面的问题，或说明你修改了哪些内容', '已核对')
    fireEvent.click(screen.getByRole('button', { name: '提交' }))

    await vi.waitFor(() => expect(callsTo('POST /memberships')).toHaveLength(1))
    expect(callsTo('POST /memberships')[0]?.data).not.toHaveProperty('answerPhotoId')
  })

  it('does not offer the form for a verified entry', async () => {
    routes({ 'GET /memberships/mine': ok({ membership: myMembership({ state: 'verified' }) }) })
    render(<RegisterPage />)

    expect(await screen.findByText(/已核验，不能在此修改/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '提交' })).toBeNull()
  })

  it('asks a signed-out visitor to sign in first', () => {
    sessionStore.clear()
    routes()
    render(<RegisterPage />)

    fireEvent.click(screen.getByRole('button', { name: '去登录' }))

    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })
})
