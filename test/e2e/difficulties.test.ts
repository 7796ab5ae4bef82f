import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DEMO_PASSWORD, registerRider } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const LABEL = '诉求'
const TEXT = '端到端：某某花园小区保安不让骑手进门送餐'
const REPLY = '已联系物业，明天起骑手登记后可以进入'
const WAIT = { timeout: 15_000 }
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
  await registerRider(running.server().url, { label: LABEL, n: 0, birth: '19880505' })
})
afterAll(async () => {
  await chromium?.close()
})

test('a rider raises a difficulty, the county answers it, the rider reads it and the ledger counts it', async () => {
  // The rider, on a phone: 我的 → 我的诉求 → 提交诉求.
  const rider = await (
    await chromium.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  ).newPage()
  await rider.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await rider.locator('input[placeholder="输入演示用户名"]').fill(`${LABEL}骑手0`)
  await rider.getByText('演示登录', { exact: true }).click()
  await rider.getByText('我的诉求', { exact: true }).click()
  await rider.getByText('提交诉求', { exact: true }).click()
  const form = rider.locator('.taro_page:visible .voice-form')
  await form.waitFor(WAIT)
  await rider.getByLabel('诉求类别').selectOption('entry')
  await form.locator('textarea').fill(TEXT)
  await shot(rider, 'difficulty-form.png')
  await form.getByText('提交', { exact: true }).click()
  const mine = rider.locator('.taro_page:visible .voice-card', { hasText: TEXT })
  await mine.waitFor(WAIT)

  // The clerk at the desk: 骑手诉求, the row opens beside the table, a reply sent.
  const staff = await (
    await chromium.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  ).newPage()
  await staff.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await staff.getByText('工作人员登录', { exact: true }).click()
  await staff.locator('input[placeholder="账号"]').fill('demo.gulou')
  await staff.locator('input[placeholder="密码"]').fill(DEMO_PASSWORD)
  await staff.getByText('登录', { exact: true }).click()
  await staff.getByText('骑手诉求', { exact: true }).last().click()
  const row = staff.locator('.dtable__table tbody tr', { hasText: TEXT })
  await row.waitFor(WAIT)
  await row.click()
  const beside = staff.locator('.desk-split__detail')
  await beside.getByText(/提交人：诉求测试00号/).waitFor(WAIT)
  await beside.getByText('答复', { exact: true }).click()
  await staff
    .locator('textarea[placeholder="如：已联系物业，明天起允许骑手登记后进入"]')
    .fill(REPLY)
  await staff.getByText('发送答复', { exact: true }).click()
  await beside.getByText(REPLY).waitFor(WAIT)
  await shot(staff, 'difficulty-staff-desk.png')

  // The rider reads the answer and says it helped.
  await rider.reload({ waitUntil: 'domcontentloaded' })
  const answered = rider.locator('.taro_page:visible .voice-card', { hasText: TEXT })
  await answered.getByText(REPLY).waitFor(WAIT)
  await answered.getByText('有帮助', { exact: true }).click()
  await answered.getByText('✓ 有帮助', { exact: true }).waitFor(WAIT)
  await shot(rider, 'difficulty-rider-answer.png')

  // The county's ledger: raised and answered within a week, each opening a list that holds it.
  await staff.goto(`${running.server().url}/#/packageLedger/pages/dashboard/index`, {
    waitUntil: 'domcontentloaded',
  })
  const ledger = staff.locator('.taro_page:visible #ledger-difficulties')
  const inTime = ledger.locator('.ledger-table__row', { hasText: '7日内答复' })
  await inTime.waitFor(WAIT)
  const figure = Number(await inTime.locator('.ledger-table__num').innerText())
  expect(figure).toBeGreaterThanOrEqual(1)
  await inTime.click()
  await staff.waitForURL(/packageVoice\/pages\/staff-list/, WAIT)
  const list = staff.locator('.taro_page:visible')
  await list.locator('.dtable__count').waitFor(WAIT)
  expect(await list.locator('.dtable__count').innerText()).toBe(`共 ${figure} 条`)
  await list.locator('.dtable__table tbody tr', { hasText: TEXT }).waitFor(WAIT)
  await shot(staff, 'difficulty-ledger-answered.png')
})
