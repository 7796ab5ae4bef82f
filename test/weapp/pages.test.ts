import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { periodOf } from '@djt/shared'
import { beforeAll, describe, expect, test } from 'vitest'
import { api, nominatedRider, type StoredSession, staffSession, wechatSession } from './api.ts'
import { dist, launched, signedIn } from './app.ts'
import { elements, findByAttr } from './harness/tree.ts'

/** Who opens a page: nobody stored (WeChat signs in silently), or a stored session. */
type Who =
  | 'newcomer'
  | 'staff'
  | 'rider'
  | 'member rider'
  | 'owner'
  | 'owner without pledge'
  | 'honoured rider'

interface PageCase {
  route: string
  who: Who
  /** What the page must show once its requests are answered. */
  shows: string
  query?: () => Record<string, string>
}

const ACTIVITY = '页面测试主题党日'
const DIFFICULTY = '页面测试：小区不让骑手进门送餐'
const CITATION = '页面测试：暴雨天坚持送餐，路遇老人摔倒及时送医'
const MERCHANT = '页面测试快餐店'
const DAY = 24 * 60 * 60 * 1000

// Ids the detail pages are opened with, read from the server before the tests.
const ids = {
  membership: '',
  pledge: '',
  place: '',
  report: '',
  activity: '',
  difficulty: '',
  supervision: '',
}
const sessions = {} as Record<Exclude<Who, 'newcomer'>, StoredSession>

const pages: PageCase[] = [
  { route: 'pages/nearby/index', who: 'newcomer', shows: '安泰爱心驿站' },
  { route: 'pages/pledges/index', who: 'newcomer', shows: '查验承诺牌' },
  { route: 'pages/me/index', who: 'newcomer', shows: '工作人员登录' },
  { route: 'pages/privacy/index', who: 'newcomer', shows: '同意本指引' },
  { route: 'packageStaff/pages/login/index', who: 'newcomer', shows: '市场监管工作人员' },
  { route: 'packageStaff/pages/mfa/index', who: 'staff', shows: '确认绑定' },
  { route: 'packageStaff/pages/review/index', who: 'staff', shows: '王小明' },
  {
    route: 'packageStaff/pages/review-detail/index',
    who: 'staff',
    shows: '中共福州市鼓楼区东街社区委员会',
    query: () => ({ id: ids.membership }),
  },
  { route: 'packageStaff/pages/import/index', who: 'staff', shows: '平台骑手名册' },
  { route: 'packageStaff/pages/places/index', who: 'staff', shows: '三坊七巷爱心食堂' },
  {
    route: 'packageStaff/pages/place-edit/index',
    who: 'staff',
    shows: '福州市鼓楼区安泰街道吉庇路',
    query: () => ({ id: ids.place }),
  },
  { route: 'packageStaff/pages/place-import/index', who: 'staff', shows: 'BD-09（百度地图）' },
  { route: 'packageStaff/pages/checkins/index', who: 'staff', shows: '没有待审核的报到。' },
  {
    route: 'packageStaff/pages/pledges/index',
    who: 'staff',
    shows: '林秀英',
    query: () => ({ state: 'approved' }),
  },
  {
    route: 'packageStaff/pages/pledge-detail/index',
    who: 'staff',
    shows: '坏果包换，称不足双倍补',
    query: () => ({ id: ids.pledge }),
  },
  { route: 'packageStaff/pages/pledge-reports/index', who: 'staff', shows: '没有待处理的举报。' },
  { route: 'packageStaff/pages/pledge-ranking/index', who: 'staff', shows: '鼓楼区小林鲜果铺' },
  { route: 'packageStaff/pages/work/index', who: 'staff', shows: '党建工作指导站' },
  { route: 'packageStaff/pages/platform-sites/index', who: 'staff', shows: '鼓楼东街站' },
  { route: 'packageLedger/pages/dashboard/index', who: 'staff', shows: '快递外卖骑手' },
  { route: 'packageLedger/pages/reports/index', who: 'staff', shows: '鼓楼区' },
  {
    route: 'packageLedger/pages/report/index',
    who: 'staff',
    shows: '鼓楼区',
    query: () => ({ id: ids.report }),
  },
  {
    route: 'packageLedger/pages/records/index',
    who: 'staff',
    shows: '安泰爱心驿站',
    query: () => ({ region: '350102' }),
  },
  {
    route: 'packagePlace/pages/detail/index',
    who: 'newcomer',
    shows: '安泰爱心驿站',
    query: () => ({ id: ids.place }),
  },
  { route: 'packageMember/pages/register/index', who: 'newcomer', shows: '请选择你的身份' },
  { route: 'packageMember/pages/status/index', who: 'rider', shows: '王小明' },
  { route: 'packagePledge/pages/public/index', who: 'newcomer', shows: '没有查验码' },
  { route: 'packagePledge/pages/mine/index', who: 'owner', shows: '坏果包换，称不足双倍补' },
  { route: 'packagePledge/pages/edit/index', who: 'owner without pledge', shows: '提交审核' },
  { route: 'packageActivity/pages/staff-list/index', who: 'staff', shows: ACTIVITY },
  { route: 'packageActivity/pages/staff-edit/index', who: 'staff', shows: '人数上限' },
  {
    route: 'packageActivity/pages/staff-detail/index',
    who: 'staff',
    // Three days ahead: the sign-in code is not shown yet, and the page says why.
    shows: '不在签到时间内（活动开始前1小时至结束后1小时）',
    query: () => ({ id: ids.activity }),
  },
  {
    route: 'packageActivity/pages/nearby/index',
    who: 'owner',
    shows: ACTIVITY,
    query: () => ({ lat: '26.0745', lng: '119.2965' }),
  },
  {
    route: 'packageActivity/pages/detail/index',
    who: 'owner',
    shows: '报名',
    query: () => ({ id: ids.activity, lat: '26.0745', lng: '119.2965' }),
  },
  { route: 'packageActivity/pages/mine/index', who: 'owner', shows: '你还没有报名过活动。' },
  { route: 'packageVoice/pages/mine/index', who: 'rider', shows: DIFFICULTY },
  { route: 'packageVoice/pages/raise/index', who: 'rider', shows: '诉求类别' },
  { route: 'packageVoice/pages/staff-list/index', who: 'staff', shows: DIFFICULTY },
  {
    route: 'packageVoice/pages/staff-detail/index',
    who: 'staff',
    shows: '提交人：王小明',
    query: () => ({ id: ids.difficulty }),
  },
  { route: 'packageVoice/pages/staff-hotspots/index', who: 'staff', shows: '鼓楼区的诉求' },
  { route: 'packageHonours/pages/public/index', who: 'newcomer', shows: CITATION },
  {
    route: 'packageHonours/pages/mine/index',
    who: 'honoured rider',
    shows: '已公开，署名“荣师傅”',
  },
  { route: 'packageHonours/pages/staff-list/index', who: 'staff', shows: '荣誉测试00号 · ' },
  { route: 'packageHonours/pages/nominate/index', who: 'staff', shows: '查找骑手' },
  { route: 'packageVoice/pages/my-reports/index', who: 'member rider', shows: MERCHANT },
  { route: 'packageVoice/pages/report/index', who: 'member rider', shows: '问题类别' },
  { route: 'packageVoice/pages/staff-reports/index', who: 'staff', shows: MERCHANT },
  {
    route: 'packageVoice/pages/staff-report/index',
    who: 'staff',
    shows: '报告人：张伟',
    query: () => ({ id: ids.supervision }),
  },
]

beforeAll(async () => {
  sessions.staff = await staffSession('demo.gulou')
  sessions.rider = await wechatSession('演示骑手小王')
  sessions.owner = await wechatSession('演示店主小林')
  sessions['owner without pledge'] = await wechatSession('演示店主老周')
  const staff = sessions.staff.accessToken
  const queue = await api<{ items: { id: string; name: string }[] }>('/review/memberships', {
    token: staff,
  })
  ids.membership = queue.items.find((item) => item.name === '王小明')?.id ?? ''
  const mine = await api<{ pledge: { id: string } }>('/pledges/mine', {
    token: sessions.owner.accessToken,
  })
  ids.pledge = mine.pledge.id
  const nearby = await api<{ items: { id: string; name: string }[] }>(
    '/places/nearby?lat=26.0745&lng=119.2965&limit=5',
  )
  ids.place = nearby.items.find((place) => place.name === '安泰爱心驿站')?.id ?? ''
  const report = await api<{ id: string }>('/ledger-reports', {
    token: staff,
    // A reason is what a correction needs; a first report takes one too.
    body: { period: periodOf(), reason: '页面测试' },
  })
  ids.report = report.id
  ids.activity = (await publishActivity(staff)).id
  const difficulty = await api<{ id: string }>('/difficulties', {
    token: sessions.rider.accessToken,
    body: {
      category: 'entry',
      text: DIFFICULTY,
      place: {
        address: '福州市鼓楼区五四路100号',
        regionCode: '350102',
        location: { lat: 26.0865, lng: 119.2965 },
      },
    },
  })
  ids.difficulty = difficulty.id
  sessions['honoured rider'] = await honouredRider(staff)
  ids.supervision = (await memberRiderReport()).id
})

/** A rider whom 鼓楼区 verifies and nominates as 最美骑手; the rider accepts. */
async function honouredRider(staff: string): Promise<StoredSession> {
  const { honourId, wechatName } = await nominatedRider(staff, {
    label: '荣誉',
    birth: '19870303',
    citation: CITATION,
  })
  const session = await wechatSession(wechatName)
  await api(`/honours/${honourId}/accept`, {
    token: session.accessToken,
    body: { nameShown: 'surname' },
  })
  return session
}

/**
 * 演示骑手小张 (思明区) verified by 思明区's clerk, then a 监督共治 report of a restaurant in
 * 鼓楼区: only a verified member rider reports, and it reaches 鼓楼区's queue.
 */
async function memberRiderReport() {
  const siming = (await staffSession('demo.siming')).accessToken
  const queue = await api<{ items: { id: string; name: string; version: number }[] }>(
    '/review/memberships',
    { token: siming },
  )
  const entry = queue.items.find((item) => item.name === '张伟')
  const detail = await api<{ version: number }>(`/review/memberships/${entry?.id}`, {
    token: siming,
  })
  await api(`/review/memberships/${entry?.id}/decision`, {
    token: siming,
    body: { decision: 'verify', version: detail.version },
  })
  sessions['member rider'] = await wechatSession('演示骑手小张')
  return api<{ id: string }>('/supervision-reports', {
    token: sessions['member rider'].accessToken,
    body: {
      category: 'food',
      merchant: { name: MERCHANT, address: '福州市鼓楼区五四路2号', regionCode: '350102' },
      text: '页面测试：后厨生熟不分',
    },
  })
}

/** An activity at 鼓楼区's flow-member branch, three days ahead, open to members nearby. */
async function publishActivity(token: string) {
  const places = await api<{ items: { id: string; name: string }[] }>(
    '/places/nearby?lat=26.0745&lng=119.2965&limit=50&kinds=flow_branch',
  )
  const branch = places.items.find((place) => place.name === '鼓楼区新就业群体流动党员党支部')
  const start = Date.now() + 3 * DAY
  return api<{ id: string }>('/staff/activities', {
    token,
    body: {
      title: ACTIVITY,
      kind: 'theme_day',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 60 * 60 * 1000).toISOString(),
      venue: { placeId: branch?.id },
      capacity: 30,
      audience: 'nearby',
    },
  })
}

test('the table covers every page of the main package and of every sub-package', () => {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  const all = [
    ...app.pages,
    ...app.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
  ]
  expect(pages.map((page) => page.route).sort()).toEqual(all.sort())
})

describe('every page loads in the WeChat build', () => {
  test.each(pages)('$route shows “$shows” ($who)', async ({ route, who, shows, query }) => {
    const storage = who === 'newcomer' ? {} : signedIn(sessions[who])
    const app = await launched(route, { storage, ...(query ? { query: query() } : {}) })

    expect(app.problems).toEqual([])
    expect(app.page.route).toBe(route)
    expect(app.pages.lifecycles.filter((call) => call.startsWith(route))).toEqual([
      `${route} onLoad`,
      `${route} onShow`,
      `${route} onReady`,
    ])
    expect(app.texts().join('\n')).toContain(shows)

    // Large text: the page's root font size is the user's WeChat font size, and the
    // navigation bar Taro writes beside it keeps the page's own title.
    const meta = findByAttr(app.tree(), 'wx-page-meta', 'rootFontSize', 'system')
    expect(meta, "a page-meta following WeChat's font size").toBeDefined()
    const bars = [...elements(meta?.element ?? app.tree())]
      .map(({ element }) => element)
      .filter((element) => element.tag === 'wx-navigation-bar')
    expect(bars.map((bar) => bar.attr?.title)).toEqual([pageTitle(route)])
  })
})

test('every font size in the WeChat build is in rem, so it follows the font setting', () => {
  const sizes = wxssFiles(dist).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/font-size:\s*([^;}]+)/g)].map((m) => ({
      file: path.relative(dist, file),
      size: (m[1] ?? '').trim(),
    })),
  )
  expect(sizes.length).toBeGreaterThan(100)
  expect(sizes.filter(({ size }) => !/^(\d*\.?\d+rem|inherit|100%|1em)$/.test(size))).toEqual([])
})

function pageTitle(route: string): string {
  const config = JSON.parse(readFileSync(path.join(dist, `${route}.json`), 'utf8')) as {
    navigationBarTitleText?: string
  }
  return config.navigationBarTitleText ?? ''
}

function wxssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return wxssFiles(full)
    return entry.name.endsWith('.wxss') ? [full] : []
  })
}
