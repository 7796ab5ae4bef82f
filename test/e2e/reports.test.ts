import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { apiCaller, DEMO_PASSWORD, registerRider } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const LABEL = '监督'
const MERCHANT = '端到端快餐店'
const WAIT = { timeout: 15_000 }
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
  await verifiedRider(running.server().url)
})
afterAll(async () => {
  await chromium?.close()
})

/** A rider of 鼓楼区 registers and 鼓楼区 verifies them: only a member rider reports. */
async function verifiedRider(serverUrl: string): Promise<void> {
  const call = apiCaller(serverUrl)
  const rider = await registerRider(serverUrl, { label: LABEL, n: 0, birth: '19870404' })
  const { accessToken: staff } = await call<{ accessToken: string }>('/auth/staff', null, {
    username: 'demo.gulou',
    password: DEMO_PASSWORD,
  })
  const queue = await call<{ items: { id: string; name: string }[] }>(
    '/review/memberships?state=all&limit=100',
    staff,
  )
  const entry = queue.items.find((item) => item.name === rider.name)
  if (!entry) throw new Error(`${rider.name} is not in the queue`)
  const { version } = await call<{ version: number }>(`/review/memberships/${entry.id}`, staff)
  await call(`/review/memberships/${entry.id}/decision`, staff, { decision: 'verify', version })
}

test('a member rider reports a merchant, the county records the outcome, the rider and the ledger see it', async () => {
  // The rider, on a phone: 我的 → 我的监督报告 → 报告商家问题.
  const rider = await (
    await chromium.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage()
  await rider.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await rider.locator('input[placeholder="输入演示用户名"]').fill(`${LABEL}骑手0`)
  await rider.getByText('演示登录', { exact: true }).click()
  await rider.getByText('我的监督报告', { exact: true }).click()
  await rider.getByText('报告商家问题', { exact: true }).click()
  const form = rider.locator('.taro_page:visible .voice-form')
  await form.waitFor(WAIT)
  await rider.getByLabel('问题类别').selectOption('food')
  await form.locator('input[placeholder="店招上的名称，如：某某快餐店"]').fill(MERCHANT)
  await form.locator('input[placeholder="街道、门牌号"]').fill('福州市鼓楼区五四路88号')
  await form.getByText('请选择区县').click()
  await rider.locator('.region-sheet__item', { hasText: '福州市' }).click()
  await rider.locator('.region-sheet__item', { hasText: '鼓楼区' }).click()
  await form.locator('textarea').fill('后厨生熟不分，操作间苍蝇很多')
  await shot(rider, 'report-form.png')
  await form.getByText('提交报告', { exact: true }).click()
  const mine = rider.locator('.taro_page:visible .voice-card', { hasText: MERCHANT })
  await mine.waitFor(WAIT)
  expect(await mine.innerText()).toContain('待核查')

  // The clerk at the desk: 监督共治报告, the row opens beside the table, the outcome recorded.
  const staff = await (
    await chromium.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  ).newPage()
  await staff.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await staff.getByText('工作人员登录', { exact: true }).click()
  await staff.locator('input[placeholder="账号"]').fill('demo.gulou')
  await staff.locator('input[placeholder="密码"]').fill(DEMO_PASSWORD)
  await staff.getByText('登录', { exact: true }).click()
  // 我的 lists the staff menu; the page opens in the desk.
  await staff.getByText('监督共治报告', { exact: true }).last().click()
  const row = staff.locator('.dtable__table tbody tr', { hasText: MERCHANT })
  await row.waitFor(WAIT)
  await row.click()
  const beside = staff.locator('.desk-split__detail')
  await beside.getByText(/报告人：监督测试00号/).waitFor(WAIT)
  await beside.getByText('记录核查结果', { exact: true }).click()
  await staff.getByLabel('核查结果').selectOption('upheld')
  await staff.locator('textarea[placeholder="如：已责令整改，立案调查"]').fill('已责令停业整改')
  await shot(staff, 'report-outcome-sheet.png')
  await staff.getByText('确认', { exact: true }).click()
  await beside.getByText('已核查属实并处理', { exact: true }).waitFor(WAIT)
  await shot(staff, 'report-staff-desk.png')

  // The rider reads the outcome.
  await rider.reload({ waitUntil: 'domcontentloaded' })
  const outcome = rider.locator('.taro_page:visible .voice-card', { hasText: MERCHANT })
  await outcome.getByText('已核查属实并处理', { exact: true }).waitFor(WAIT)
  expect(await outcome.innerText()).toContain('已责令停业整改')
  await shot(rider, 'report-rider-outcome.png')

  // The county's ledger counts it, and the figure opens the list that holds it.
  await staff.goto(`${running.server().url}/#/packageLedger/pages/dashboard/index`, {
    waitUntil: 'domcontentloaded',
  })
  const ledger = staff.locator('.taro_page:visible #ledger-supervision')
  const upheld = ledger.locator('.ledger-table__row', { hasText: '已核查属实并处理' })
  await upheld.waitFor(WAIT)
  const figure = Number(await upheld.locator('.ledger-table__num').innerText())
  expect(figure).toBe(1)
  await upheld.click()
  await staff.waitForURL(/packageVoice\/pages\/staff-reports/, WAIT)
  const list = staff.locator('.taro_page:visible')
  await list.locator('.dtable__count').waitFor(WAIT)
  expect(await list.locator('.dtable__count').innerText()).toBe(`共 ${figure} 条`)
  await list.locator('.dtable__table tbody tr', { hasText: MERCHANT }).waitFor(WAIT)
  await shot(staff, 'report-ledger-upheld.png')
})
