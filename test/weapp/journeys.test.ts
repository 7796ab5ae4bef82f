import { describe, expect, inject, test } from 'vitest'
import { formatDistance } from '../../miniapp/src/places/format.ts'
import { SESSION_KEY } from '../../miniapp/src/services/session-store.ts'
import { registerRider } from '../e2e/accounts.ts'
import { api, nominatedRider, type StoredSession, staffSession, wechatSession } from './api.ts'
import { launched } from './app.ts'
import type { MiniProgram } from './harness/mini-program.ts'

// A rider's phone in 鼓楼区, Fuzhou, as WeChat reports it (GCJ-02).
const FUZHOU = { latitude: 26.0745, longitude: 119.2965 }

interface NearbyItem {
  name: string
  lat: number
  lng: number
  address: string
  phone: string | null
  distanceMeters: number
}

const someone = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`

describe('journeys through the WeChat build, by taps', () => {
  test('silent sign-in at launch: wx.login, a session from the server, the token stored', async () => {
    const wechatUser = someone('weapp-silent')
    const app = await launched('pages/me/index', { wechatUser })

    const apis = app.calls.map((call) => call.api)
    const [signIn] = app.requestsTo('/auth/wechat')
    expect(apis.indexOf('login')).toBeGreaterThanOrEqual(0)
    expect(signIn?.data).toEqual({ code: `dev:${wechatUser}` })
    const stored = JSON.parse(app.storage.get(SESSION_KEY) ?? 'null') as StoredSession
    // The stored token is one the server takes, for the same person the code names.
    const me = await api<{ id: string; role: string }>('/me', { token: stored.accessToken })
    expect(me).toMatchObject({ id: stored.user.id, role: 'user' })
    expect((await wechatSession(wechatUser)).user.id).toBe(me.id)
    expect(app.problems).toEqual([])

    // The next launch reuses the stored session: no second wx.login.
    const again = await launched('pages/me/index', {
      wechatUser,
      storage: { [SESSION_KEY]: stored },
    })
    expect(again.callsTo('login')).toEqual([])
    expect(again.problems).toEqual([])
  })

  test('a page opened first, with nothing stored, waits for the silent sign-in', async () => {
    // A rider opening 我的党员登记 from a shared card or a notice: the page's request
    // must carry the token the launch sign-in is still fetching, not go without one.
    const app = await launched('packageMember/pages/status/index', { wechatUser: '演示骑手小王' })
    expect(app.problems).toEqual([])
    expect(app.texts().join('\n')).not.toContain('请先登录')
    expect(app.texts().join('\n')).toContain('王小明')
    // Asked after the sign-in answered: the entry shown is the one of the signed-in rider.
    const urls = app.requestsTo('').map((request) => request.url.split('?')[0])
    const signIn = urls.findIndex((url) => url?.endsWith('/auth/wechat'))
    expect(signIn).toBeGreaterThanOrEqual(0)
    expect(urls.findIndex((url) => url?.endsWith('/memberships/mine'))).toBeGreaterThan(signIn)
  })

  test('附近 → the row’s 导航 and 拨打 → the place → 导航, all at the place (GCJ-02)', async () => {
    const app = await launched('pages/nearby/index', { location: FUZHOU })
    expect(app.callsTo('getLocation')).toEqual([expect.objectContaining({ type: 'gcj02' })])
    // WeChat's GCJ-02 goes out as it came: no conversion outside H5.
    expect(app.requestsTo('/places/nearby')[0]?.data).toMatchObject({
      lat: FUZHOU.latitude,
      lng: FUZHOU.longitude,
      radius: 3000,
    })
    expect(app.texts()).toContain('3 公里内，由近到远')
    const nearby = await api<{ items: NearbyItem[] }>(
      `/places/nearby?lat=${FUZHOU.latitude}&lng=${FUZHOU.longitude}&limit=20`,
    )
    const place = nearby.items.find((item) => item.name === '安泰爱心驿站')
    if (!place?.phone) throw new Error('the demo seed gives 安泰爱心驿站 a phone')
    const atThePlace = expect.objectContaining({
      latitude: place.lat,
      longitude: place.lng,
      name: '安泰爱心驿站',
      address: place.address,
    })

    // The row's shortcuts act where the rider is: the place page does not open.
    await app.tap('导航', '安泰爱心驿站')
    expect(app.page.route).toBe('pages/nearby/index')
    expect(app.callsTo('openLocation')).toEqual([atThePlace])
    await app.tap('拨打', '安泰爱心驿站')
    expect(app.page.route).toBe('pages/nearby/index')
    expect(app.callsTo('makePhoneCall')).toEqual([
      expect.objectContaining({ phoneNumber: place.phone }),
    ])

    await app.tap('安泰爱心驿站')
    expect(app.page.route).toBe('packagePlace/pages/detail/index')
    const shown = app.texts()
    expect(shown).toContain('福州市鼓楼区安泰街道吉庇路')
    expect(shown).toContain(`距你 ${formatDistance(place.distanceMeters)}`)
    await app.tap('导航')
    expect(app.callsTo('openLocation')).toEqual([atThePlace, atThePlace])
    expect(app.problems).toEqual([])
  })

  test('a rider registers: 我的 → 党员登记 → consent → the form → 提交 → the status page', async () => {
    const app = await launched('pages/me/index', { wechatUser: someone('weapp-rider') })
    await app.tap('党员登记')
    expect(app.page.route).toBe('packageMember/pages/register/index')
    await app.tap('快递外卖骑手')
    await app.tap('查看并同意隐私保护指引')
    expect(app.page.route).toBe('pages/privacy/index')
    await app.tap('同意本指引')
    // 同意 returns to the page that asked.
    expect(app.page.route).toBe('packageMember/pages/register/index')
    expect(app.texts()).not.toContain('查看并同意隐私保护指引')

    await app.input('姓名', '郑小骑')
    await app.input('手机号', '13900000077')
    await app.change('配送平台', 'wx-picker', 0) // 美团
    await app.input('骑手编号', 'MT-WEAPP-77')
    await app.input('配送站点', '美团鼓楼东街站')
    await pickCounty(app, '工作地区')
    await app.input('组织关系所在党组织', '中共福州市鼓楼区东街社区委员会')
    await pickCounty(app, '组织关系所在地区')
    await app.change('党员类型', 'wx-picker', 0) // 正式党员
    await app.change('入党日期', 'wx-picker', '2015-07-01')
    await app.tap('提交')

    expect(app.page.route).toBe('packageMember/pages/status/index')
    const shown = app.texts()
    expect(shown).toContain('待核验')
    expect(shown).toContain('郑小骑')
    expect(app.requestsTo('/memberships')).toEqual([expect.objectContaining({ method: 'POST' })])
    expect(app.problems).toEqual([])
  })

  test('an owner opens 承诺 → 我的承诺 and sees the pledge in force', async () => {
    const app = await launched('pages/nearby/index', { wechatUser: '演示店主小林' })
    await app.switchTab('pages/pledges/index')
    await app.tap('我的承诺')

    expect(app.page.route).toBe('packagePledge/pages/mine/index')
    const shown = app.texts()
    expect(shown).toContain('有效')
    expect(shown).toContain('坏果包换，称不足双倍补')
    expect(app.problems).toEqual([])
  })

  test('a plaque’s QR opens the public page with its scene: 有效', async () => {
    const owner = await wechatSession('演示店主小林')
    const { pledge } = await api<{ pledge: { code: string } }>('/pledges/mine', {
      token: owner.accessToken,
    })
    const app = await launched('packagePledge/pages/public/index', {
      query: { scene: encodeURIComponent(pledge.code) },
    })

    expect(app.requestsTo(`/public/pledges/${pledge.code}`)).toHaveLength(1)
    const shown = app.texts()
    expect(shown).toContain('有效')
    expect(shown).toContain('林秀英')
    expect(shown).not.toContain('无效')
    expect(app.problems).toEqual([])
  })

  test('staff sign in on the login page and 我的 shows their work', async () => {
    const app = await launched('pages/me/index')
    await app.tap('工作人员登录')
    expect(app.page.route).toBe('packageStaff/pages/login/index')
    await app.input('账号', 'demo.gulou')
    await app.input('密码', 'Demo-Lantern-2026!')
    await app.tap('登录')

    expect(app.page.route).toBe('pages/me/index')
    expect(app.texts()).toContain('登记核验')
    expect(app.texts()).not.toContain('工作人员登录')
    expect(app.problems).toEqual([])
  })
})

describe('组织生活 in the WeChat build', () => {
  test('附近 → 组织生活 → 报名, then 扫码签到 with the organiser’s current code', async () => {
    const staff = (await staffSession('demo.gulou')).accessToken
    const title = `扫码签到测试${Math.random().toString(36).slice(2, 6)}`
    const activity = await soonActivity(staff, title)
    // The camera reads the organiser's screen as it is when the scanner opens.
    const scanned: string[] = []
    const scan = async () => {
      const shown = await api<{ code: string }>(`/staff/activities/${activity.id}/sign-in-code`, {
        token: staff,
      })
      scanned.push(shown.code)
      return shown.code
    }
    const app = await launched('pages/nearby/index', {
      location: FUZHOU,
      wechatUser: '演示店主老周',
      scan,
    })
    await app.tap('组织生活')
    expect(app.page.route).toBe('packageActivity/pages/nearby/index')
    // The point 附近 had goes along; the page asks for no position of its own.
    expect(app.callsTo('getLocation')).toHaveLength(1)
    await app.tap(title)
    expect(app.page.route).toBe('packageActivity/pages/detail/index')
    await app.tap('报名')
    expect(app.requestsTo(`/activities/${activity.id}/signup`)).toEqual([
      expect.objectContaining({ method: 'POST' }),
    ])
    expect(app.texts()).toContain('你已报名')

    await app.tap('扫码签到')
    expect(app.callsTo('scanCode')).toEqual([
      expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }),
    ])
    expect(app.requestsTo(`/activities/${activity.id}/sign-in`)[0]?.data).toEqual({
      code: scanned[0],
    })
    expect(app.texts().some((text) => text.startsWith('已签到'))).toBe(true)
    expect(app.texts()).not.toContain('扫码签到')

    const seen = await api<{ attendances: { memberName: string; method: string }[] }>(
      `/staff/activities/${activity.id}`,
      { token: staff },
    )
    expect(seen.attendances).toEqual([
      expect.objectContaining({ memberName: '周文华', method: 'scan' }),
    ])
    expect(app.problems).toEqual([])
  })

  test('我的 → 我的荣誉 → 同意公开 under surname + 师傅, then 最美骑手榜 shows it', async () => {
    const staff = (await staffSession('demo.gulou')).accessToken
    const citation = '旅程测试：深夜为独居老人送药上门'
    const { honourId, wechatName } = await nominatedRider(staff, {
      label: '旅程',
      birth: '19850505',
      citation,
    })
    const app = await launched('pages/me/index', { wechatUser: wechatName })
    expect(app.texts()).toContain('1项待确认')
    await app.tap('我的荣誉')
    expect(app.page.route).toBe('packageHonours/pages/mine/index')
    expect(app.texts()).toContain('待你确认：是否在最美骑手榜上公开')
    await app.tap('同意公开：只显示姓氏（某师傅）')
    expect(app.requestsTo(`/honours/${honourId}/accept`)[0]?.data).toEqual({
      nameShown: 'surname',
    })
    expect(app.texts()).toContain('已公开，署名“旅师傅”')

    await app.tap('查看最美骑手榜')
    expect(app.page.route).toBe('packageHonours/pages/public/index')
    expect(app.texts()).toContain(citation)
    expect(app.texts()).toContain('旅师傅 · 美团')
    expect(app.problems).toEqual([])
  })

  test('我的 → 我的诉求 → 提交诉求; the county answers; the rider reads it and says it helped', async () => {
    const text = '旅程测试：某某花园小区不让骑手进门送餐'
    const reply = '已联系物业，骑手登记后可以进入'
    await registerRider(inject('server'), { label: '诉旅', n: 0, birth: '19890606' })
    const rider = await launched('pages/me/index', { wechatUser: '诉旅骑手0' })
    await rider.tap('我的诉求')
    expect(rider.page.route).toBe('packageVoice/pages/mine/index')
    await rider.tap('提交诉求')
    expect(rider.page.route).toBe('packageVoice/pages/raise/index')
    await rider.change('诉求类别', 'wx-picker', 0) // 进门难
    await rider.input('遇到的困难', text)
    await rider.tap('提交')
    // Sent once, then back on 我的诉求 with the new one listed.
    expect(rider.requestsTo('/difficulties').filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(rider.page.route).toBe('packageVoice/pages/mine/index')
    expect(rider.texts()).toContain(text)

    const staff = (await staffSession('demo.gulou')).accessToken
    const queue = await api<{ items: { id: string; text: string }[] }>(
      '/staff/difficulties?limit=100',
      { token: staff },
    )
    const raised = queue.items.find((item) => item.text === text)
    expect(raised).toBeDefined()
    await api(`/staff/difficulties/${raised?.id}/reply`, { token: staff, body: { text: reply } })

    const later = await launched('packageVoice/pages/mine/index', { wechatUser: '诉旅骑手0' })
    expect(later.texts()).toContain(text)
    expect(later.texts().some((shown) => shown.includes(reply))).toBe(true)
    await later.tap('有帮助')
    expect(later.requestsTo(`/difficulties/${raised?.id}/feedback`)[0]?.data).toEqual({
      helpful: true,
    })
    expect(later.texts()).toContain('✓ 有帮助')
    expect(rider.problems).toEqual([])
    expect(later.problems).toEqual([])
  })
})

/** An activity at 安泰爱心驿站 starting in 20 minutes: open for sign-up and for sign-in. */
async function soonActivity(token: string, title: string) {
  const nearby = await api<{ items: { id: string; name: string }[] }>(
    `/places/nearby?lat=${FUZHOU.latitude}&lng=${FUZHOU.longitude}&limit=20`,
  )
  const place = nearby.items.find((item) => item.name === '安泰爱心驿站')
  const start = Date.now() + 20 * 60 * 1000
  return api<{ id: string }>('/staff/activities', {
    token,
    body: {
      title,
      kind: 'party_lecture',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 60 * 60 * 1000).toISOString(),
      venue: { placeId: place?.id },
      capacity: 10,
      audience: 'nearby',
    },
  })
}

/** The county field after `label`: 福州市 → 鼓楼区 in its region sheet. */
async function pickCounty(app: MiniProgram, label: string) {
  const fieldValue = () => app.texts()[app.texts().indexOf(label) + 1]
  expect(fieldValue()).toBe('请选择区县')
  await app.tap('请选择区县', label)
  await app.tap('福州市', label)
  await app.tap('鼓楼区', label)
  expect(fieldValue()).toBe('福州市鼓楼区')
}
