import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { apiCaller, DEMO_PASSWORD, registerRider, signedInStaff } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

// 最美骑手 end to end: 鼓楼区 nominates a verified member rider at the desk, the rider
// accepts on 我的荣誉 under surname + 师傅, and the public list shows it to anyone.

const running = serverAndBrowserPerFile()
const WAIT = { timeout: 15_000 }
const CITATION = '端到端：暴雨天坚持送餐，路遇老人摔倒及时送医'
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

let chromium: Browser
let riderName = ''
beforeAll(async () => {
  chromium = await launchChromium()
  riderName = await verifiedRider(running.server().url)
})
afterAll(async () => {
  await chromium?.close()
})

/** A rider of 鼓楼区 who registers and whom 鼓楼区 verifies; returns the registered name. */
async function verifiedRider(serverUrl: string): Promise<string> {
  const call = apiCaller(serverUrl)
  const { accessToken: staff } = await call<{ accessToken: string }>('/auth/staff', null, {
    username: 'demo.gulou',
    password: DEMO_PASSWORD,
  })
  const rider = await registerRider(serverUrl, { label: '最美', n: 0, birth: '19860404' })
  const queue = await call<{ items: { id: string; name: string }[] }>(
    '/review/memberships?state=all&limit=100',
    staff,
  )
  const entry = queue.items.find((item) => item.name === rider.name)
  if (!entry) throw new Error(`${rider.name} is not in the queue`)
  const { version } = await call<{ version: number }>(`/review/memberships/${entry.id}`, staff)
  await call(`/review/memberships/${entry.id}/decision`, staff, { decision: 'verify', version })
  return rider.name
}

test('staff nominate at the desk, the rider accepts, the public list shows it', async () => {
  const server = running.server().url
  const staff = await signedInStaff(chromium, server, { width: 1366, height: 900 })
  await staff.goto(`${server}/#/packageHonours/pages/staff-list/index`, {
    waitUntil: 'domcontentloaded',
  })
  const list = staff.locator('.taro_page:visible')
  await list.locator('.desk__title', { hasText: '最美骑手' }).waitFor(WAIT)
  await list.locator('.btn--primary', { hasText: '推荐最美骑手' }).click()

  const form = staff.locator('.taro_page:visible .honour-form')
  await form.waitFor(WAIT)
  await form.locator('input[placeholder="输入姓名查找本辖区已核验的党员骑手"]').fill(riderName)
  await form.getByText('查找骑手', { exact: true }).click()
  await form.getByText(`选择：${riderName} · 鼓楼区 · 美团 · 福州市`).click()
  await form.getByText(`已选择：${riderName} · 鼓楼区 · 美团 · 福州市`).waitFor(WAIT)
  await form.locator('textarea').fill(CITATION)
  await shot(staff, 'honours-nominate.png')
  await form.locator('.btn--primary', { hasText: '推荐' }).click()

  // Back on the list: the nomination waits for the rider.
  const row = staff.locator('.taro_page:visible .dtable__table tbody tr', { hasText: riderName })
  await row.waitFor(WAIT)
  expect(await row.innerText()).toContain('待本人确认')

  // Nothing is public before the rider agrees.
  const visitor = await (await chromium.newContext({ locale: 'zh-CN' })).newPage()
  await visitor.goto(`${server}/#/packageHonours/pages/public/index`, {
    waitUntil: 'domcontentloaded',
  })
  // The demo data's 最美骑手 is there; this nomination is not.
  await visitor.locator('.honour-card', { hasText: '刘师傅' }).waitFor(WAIT)
  expect(await visitor.locator('.taro_page:visible').innerText()).not.toContain(CITATION)

  const rider = await running.browser().newPage()
  await rider.goto(`${server}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await rider.locator('input[placeholder="输入演示用户名"]').fill('最美骑手0')
  await rider.getByText('演示登录', { exact: true }).click()
  const honoursRow = rider.locator('.me__row', { hasText: '我的荣誉' })
  await honoursRow.getByText('1项待确认').waitFor(WAIT)
  await honoursRow.click()
  await rider.getByText('待你确认：是否在最美骑手榜上公开').waitFor(WAIT)
  await rider.getByText('同意公开：只显示姓氏（某师傅）', { exact: true }).click()
  await rider.getByText('已公开，署名“最师傅”').waitFor(WAIT)
  await shot(rider, 'honours-rider-accepted.png')

  // Anyone sees it, under the name the rider chose; never the full name.
  await visitor.reload({ waitUntil: 'domcontentloaded' })
  const card = visitor.locator('.honour-card', { hasText: CITATION })
  await card.waitFor(WAIT)
  expect(await card.innerText()).toContain('最师傅 · 美团')
  expect(await visitor.locator('.taro_page:visible').innerText()).not.toContain(riderName)
  await shot(visitor, 'honours-public.png')

  // The staff's list follows the rider's answer.
  await staff.reload({ waitUntil: 'domcontentloaded' })
  await staff
    .locator('.taro_page:visible .dtable__table tbody tr', { hasText: riderName })
    .filter({ hasText: '已公开' })
    .waitFor(WAIT)
})
