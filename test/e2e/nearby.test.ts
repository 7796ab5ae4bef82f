import path from 'node:path'
import gcoord from 'gcoord'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchChromium, type RunningServer, screenshotDir, startE2eServer } from './harness.ts'

/** Where a browser's GPS (WGS-84) puts a rider standing at a GCJ-02 point. */
function browserAt(latitude: number, longitude: number) {
  const [lng, lat] = gcoord.transform([longitude, latitude], gcoord.GCJ02, gcoord.WGS84) as [
    number,
    number,
  ]
  return { latitude: lat, longitude: lng }
}

// The demo seed is built around 东街口, Fuzhou (26.0865, 119.2965 in GCJ-02); the
// browser reports it in WGS-84, some 590 m away, and the page converts it back.
const DONGJIEKOU = browserAt(26.0865, 119.2965)
// 7 km north of 屏山爱心驿站, the northernmost place of the seed; and 25 km north of it.
const SEVEN_KM_OUT = browserAt(26.098 + 7 / 111.195, 119.293)
const TWENTY_FIVE_KM_OUT = browserAt(26.098 + 25 / 111.195, 119.293)
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN' }
const WAIT = { timeout: 15_000 }

let server: RunningServer
let browser: Browser
beforeAll(async () => {
  server = await startE2eServer()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const newPhonePage = async (options: BrowserContextOptions) =>
  (await browser.newContext({ ...PHONE, ...options })).newPage()
const nearbyUrl = () => `${server.url}/#/pages/nearby/index`

async function openNearby(options: BrowserContextOptions): Promise<Page> {
  const page = await newPhonePage(options)
  await page.goto(nearbyUrl(), { waitUntil: 'domcontentloaded' })
  return page
}

/**
 * 附近, with the first nearby request it makes. Listened for before the page loads: on a
 * fast machine the page asks before `goto` returns, and a listener added after would wait
 * for a request that has already gone.
 */
async function openNearbyAsking(options: BrowserContextOptions) {
  const page = await newPhonePage(options)
  const asked = page.waitForRequest(/\/api\/v1\/places\/nearby\?/)
  await page.goto(nearbyUrl(), { waitUntil: 'domcontentloaded' })
  return { page, asked }
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

test('a rider at 东街口 sees 东街口爱心驿站 first, 导航 and 拨打 on it, and opens it', async () => {
  const { page, asked } = await openNearbyAsking({
    geolocation: DONGJIEKOU,
    permissions: ['geolocation'],
  })
  const first = page.locator('.nearby__row').first()
  await first.waitFor(WAIT)
  expect(await first.locator('.nearby__name').innerText()).toBe('东街口爱心驿站')
  // Asked in GCJ-02: the place 150 m north reads as 150 m, not the 700 m of a raw GPS point.
  const query = new URL((await asked).url()).searchParams
  expect(Number(query.get('lat'))).toBeCloseTo(26.0865, 5)
  expect(Number(query.get('lng'))).toBeCloseTo(119.2965, 5)
  expect(await first.locator('.nearby__distance').innerText()).toMatch(/^1[4-6]0米$/)
  expect(await page.locator('.nearby__row').count()).toBeGreaterThan(1)
  await page.getByText('3 公里内，由近到远', { exact: true }).waitFor(WAIT)

  // Thumb-sized shortcuts on the row; 导航 opens Amap's page at the stored GCJ-02 point.
  const go = first.getByText('导航', { exact: true })
  const call = first.getByText('拨打', { exact: true })
  for (const button of [go, call])
    expect((await button.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
  await page
    .context()
    .route('https://uri.amap.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>amap</title>' }),
    )
  const [amap] = await Promise.all([page.waitForEvent('popup'), go.click()])
  const marker = new URL(amap.url())
  expect(marker.searchParams.get('position')).toBe('119.2965,26.08785')
  expect(marker.searchParams.get('name')).toBe('东街口爱心驿站')
  await amap.close()
  expect(page.url()).toContain('pages/nearby/index')
  await shot(page, 'nearby-list.png')

  await first.locator('.nearby__name').click()
  await page.locator('.place__big', { hasText: '导航' }).waitFor(WAIT)
  expect(page.url()).toContain('packagePlace/pages/detail/index')
  await page.getByText(/^距你 1[4-6]0米$/).waitFor(WAIT)
  expect(await page.locator('.place__name').innerText()).toBe('东街口爱心驿站')
  await page.getByText('24小时开放').waitFor(WAIT)
  await page.locator('.place__facility', { hasText: '饮用水' }).waitFor(WAIT)
  await shot(page, 'place-detail.png')
  await page.context().close()
})

test('7 km from every place the list widens to 10 km; 清除筛选 undoes chips that empty it', async () => {
  const page = await openNearby({ geolocation: SEVEN_KM_OUT, permissions: ['geolocation'] })
  await page.getByText('5 公里内没有，已为你扩大到 10 公里', { exact: true }).waitFor(WAIT)
  await page.getByText('10 公里内，由近到远', { exact: true }).waitFor(WAIT)
  const names = await page.locator('.nearby__name').allInnerTexts()
  expect(names[0]).toBe('屏山爱心驿站')
  expect(await page.locator('.nearby__distance').first().innerText()).toBe('7公里')
  await shot(page, 'nearby-widened.png')

  // No 党群服务中心 has 电动车充电: the list empties, and one tap brings it back.
  await page.locator('.nearby__chip', { hasText: '党群服务中心' }).click()
  await page.locator('.nearby__chip', { hasText: '电动车充电' }).click()
  await page.getByText('没有符合筛选条件的服务点。', { exact: true }).waitFor(WAIT)
  await shot(page, 'nearby-filters-empty.png')
  await page.getByText('清除筛选', { exact: true }).click()
  await page.getByText('5 公里内没有，已为你扩大到 10 公里', { exact: true }).waitFor(WAIT)
  expect(await page.locator('.nearby__chip--on').count()).toBe(0)
  expect(await page.locator('.nearby__name').allInnerTexts()).toEqual(names)
  await page.context().close()
})

test('beyond 20 km the nearest places are listed anyway, with their distance', async () => {
  const page = await openNearby({ geolocation: TWENTY_FIVE_KM_OUT, permissions: ['geolocation'] })
  await page.getByText('20 公里内没有，最近的爱心驿站在 25 公里外', { exact: true }).waitFor(WAIT)
  const first = page.locator('.nearby__row').first()
  expect(await first.locator('.nearby__name').innerText()).toBe('屏山爱心驿站')
  expect(await first.locator('.nearby__distance').innerText()).toBe('25公里')
  expect(await page.locator('.nearby__row').count()).toBeGreaterThan(5)
  await shot(page, 'nearby-beyond-20km.png')
  await page.context().close()
})

test('without location the county search appears, and 鼓楼区 lists its places', async () => {
  const page = await openNearby({ permissions: [] })
  await page.getByText(/没有获得位置权限|暂时无法获取位置/).waitFor({ timeout: 20_000 })
  await page.getByText('请选择区县', { exact: true }).click()
  await page.locator('.region-sheet__item', { hasText: '福州市' }).click()
  await page.locator('.region-sheet__item', { hasText: '鼓楼区' }).click()
  await page.locator('.sheet').waitFor({ state: 'detached', ...WAIT })
  await page.getByText('查找服务点', { exact: true }).click()

  await page.locator('.nearby__row').first().waitFor(WAIT)
  const names = await page.locator('.nearby__name').allInnerTexts()
  expect(names).toContain('东街口爱心驿站')
  // Not near anything: no distances without a position.
  expect(await page.locator('.nearby__distance').count()).toBe(0)
  await shot(page, 'nearby-county-search.png')
  await page.context().close()
})

test('a signed-out rider at a flow-member branch is told to sign in before 报到', async () => {
  const page = await openNearby({ geolocation: DONGJIEKOU, permissions: ['geolocation'] })
  await page.getByText('流动党员党支部', { exact: true }).first().click() // the kind chip
  const branch = page.locator('.nearby__row', { hasText: '鼓楼区新就业群体流动党员党支部' })
  await branch.waitFor(WAIT)
  expect(await page.locator('.nearby__row').count()).toBe(1)
  await branch.locator('.nearby__name').click()
  await page.getByText('党支部信息', { exact: true }).waitFor(WAIT)
  await page.getByText(/报到需要先登录/).waitFor(WAIT)
  await page.getByText('去登录', { exact: true }).waitFor(WAIT)
  await shot(page, 'place-branch-signed-out.png')
  await page.context().close()
})

test('county staff edit, add and suspend places, and riders see the change nearby', async () => {
  const context = await browser.newContext({ ...PHONE, viewport: { width: 1280, height: 900 } })
  const staff = await context.newPage()
  await signInStaff(staff)
  await staff.getByText('场所管理', { exact: true }).click()

  // Edit: the stored place comes back into the form and saves unchanged but for its phone.
  await staff
    .locator('.dtable__table tbody tr', { hasText: '东街口爱心驿站' })
    .getByText('修改', { exact: true })
    .click()
  await staff.locator('input[placeholder="如：东街口爱心驿站"]').waitFor(WAIT)
  expect(await staff.locator('input[placeholder="如：东街口爱心驿站"]').inputValue()).toBe(
    '东街口爱心驿站',
  )
  await staff.locator('input[placeholder="固定电话或手机号"]').first().fill('0591-88886666')
  await shot(staff, 'staff-place-edit.png')
  await staff.getByText('保存', { exact: true }).click()
  await staff.locator('.dtable__table tbody tr', { hasText: '东街口爱心驿站' }).waitFor(WAIT)

  // New: a canteen typed in by hand, with the default hours.
  await staff.getByText('新增场所', { exact: true }).click()
  await staff.locator('input[placeholder="如：东街口爱心驿站"]').fill('测试爱心食堂')
  await staff.getByLabel('场所类型').selectOption('canteen')
  await staff.getByText('请选择区县', { exact: true }).click()
  await staff.locator('.region-sheet__item', { hasText: '福州市' }).click()
  await staff.locator('.region-sheet__item', { hasText: '鼓楼区' }).click()
  await staff.locator('.sheet').waitFor({ state: 'detached', ...WAIT })
  await staff.locator('input[placeholder="街道、门牌号"]').fill('福州市鼓楼区测试路1号')
  await staff.locator('input[placeholder="如 26.0865"]').fill('26.0866')
  await staff.locator('input[placeholder="如 119.2965"]').fill('119.2967')
  await staff.locator('.place-form__chip', { hasText: '微波炉' }).click()
  await staff.getByLabel('运营方').selectOption('community')
  await staff.getByText('保存', { exact: true }).click()
  await staff.locator('.dtable__table tbody tr', { hasText: '测试爱心食堂' }).waitFor(WAIT)

  const item = staff.locator('.dtable__table tbody tr', { hasText: '南街骑手之家' })
  await item.waitFor(WAIT)
  await item.getByText('暂停', { exact: true }).click()
  await staff.locator('.taro__modal').getByText('暂停', { exact: true }).click()
  await item.getByText('已暂停', { exact: true }).waitFor(WAIT)
  await shot(staff, 'staff-places.png')
  await context.close()

  const rider = await openNearby({ geolocation: DONGJIEKOU, permissions: ['geolocation'] })
  await rider.locator('.nearby__row').first().waitFor(WAIT)
  const names = await rider.locator('.nearby__name').allInnerTexts()
  expect(names).toContain('东街口爱心驿站')
  expect(names).not.toContain('南街骑手之家')
  expect(names).toContain('测试爱心食堂')
  await rider.locator('.nearby__name', { hasText: '东街口爱心驿站' }).click()
  await rider.getByText('拨打电话 0591-88886666', { exact: true }).waitFor(WAIT)
  await rider.context().close()
})

test('a verified rider checks in at the branch and county staff approve it', async () => {
  const staffContext = await browser.newContext({
    ...PHONE,
    viewport: { width: 1280, height: 900 },
  })
  const staff = await staffContext.newPage()
  await signInStaff(staff)
  await staff.getByText('登记核验', { exact: true }).click()
  const entry = staff.locator('.review__name', { hasText: '王小明' })
  await entry.first().waitFor(WAIT)
  const waiting = await entry.count()
  // At 1280 px the entry opens beside the queue (the desk), and leaves it once decided.
  await entry.first().click()
  await staff.locator('.detail__entry', { hasText: '王小明' }).waitFor(WAIT)
  await staff.getByText('通过', { exact: true }).click()
  await staff.getByText('确认通过', { exact: true }).click()
  await expect.poll(() => entry.count(), WAIT).toBe(waiting - 1)

  const rider = await openNearby({ geolocation: DONGJIEKOU, permissions: ['geolocation'] })
  await rider.goto(`${server.url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  // A hash change alone switches tabs inside the running app, which sometimes left 我的
  // hidden behind 附近: load the page afresh, as opening the link would.
  await rider.reload({ waitUntil: 'domcontentloaded' })
  await rider.locator('input[placeholder="输入演示用户名"]').fill('演示骑手小王')
  await rider.getByText('演示登录', { exact: true }).click()
  await rider.getByText('退出登录', { exact: true }).waitFor(WAIT)
  await rider.goto(`${server.url}/#/pages/nearby/index`, { waitUntil: 'domcontentloaded' })
  await rider.locator('.nearby__name', { hasText: '鼓楼区新就业群体流动党员党支部' }).click()
  await rider.getByText('报到', { exact: true }).click()
  await rider.getByText(/^我的报到：待确认/).waitFor(WAIT)
  await shot(rider, 'place-checkin-pending.png')

  await staff.goto(`${server.url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await staff.getByText('报到审核', { exact: true }).click()
  // Staff sit at a desk (1280 px): the check-ins are rows of a table.
  const row = staff.locator('.dtable__table tbody tr', { hasText: '王小明' })
  await row.getByText('鼓楼区新就业群体流动党员党支部', { exact: false }).waitFor(WAIT)
  await shot(staff, 'staff-checkins.png')
  await row.getByText('同意', { exact: true }).click()
  // An approval is confirmed first: the member is told they belong to the branch.
  await staff.getByText('确认同意', { exact: true }).click()
  await staff.getByText('没有待审核的报到。').waitFor(WAIT)
  await staff.locator('.tab', { hasText: '已同意' }).click()
  // The history: 姓名, 报到支部, 提交时间, 处理时间 (the decision just taken), 留言.
  const decided = staff.locator('.dtable__table tbody tr', { hasText: '王小明' })
  await decided.waitFor(WAIT)
  expect(await decided.locator('td').nth(3).innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await staffContext.close()

  await rider.reload({ waitUntil: 'domcontentloaded' })
  await rider.getByText(/^我的报到：已报到/).waitFor(WAIT)
  expect(await rider.getByText('报到', { exact: true }).count()).toBe(0)
  await rider.context().close()
})

async function signInStaff(page: Page): Promise<void> {
  await page.goto(`${server.url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.getByText('工作人员登录', { exact: true }).click()
  await page.locator('input[placeholder="账号"]').fill('demo.gulou')
  await page.locator('input[placeholder="密码"]').fill('Demo-Lantern-2026!')
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('场所管理', { exact: true }).waitFor(WAIT)
}
