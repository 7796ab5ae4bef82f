import path from 'node:path'
import { chinaDateTime } from '@djt/shared'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const MEMBER = '演示店主老周'
const TITLE = '端到端主题党日'
const VENUE = '鼓楼区新就业群体流动党员党支部'
const WAIT = { timeout: 15_000 }
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
})

/**
 * Twenty-odd minutes from now on a five-minute mark, in China time: inside the sign-in
 * hours (from an hour before the start) and still open for sign-up. The form holds one
 * day, so near China's midnight the hour is cut at 23:59.
 */
function soon(): { date: string; start: string; end: string } {
  const start = Math.ceil((Date.now() + 20 * 60_000) / 300_000) * 300_000
  const [date = '', startTime = ''] = chinaDateTime(start).split(' ')
  const [endDate = '', endTime = ''] = chinaDateTime(start + 60 * 60_000).split(' ')
  return {
    date,
    start: startTime.slice(0, 5),
    end: endDate === date ? endTime.slice(0, 5) : '23:59',
  }
}

test('staff publish at the desk, a member signs up and signs in with the organiser’s code', async () => {
  const staff = await (
    await chromium.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage()
  await signInStaff(staff)
  await staff.getByText('组织生活', { exact: true }).last().click()
  await staff.locator('.dtable').first().waitFor(WAIT)
  await staff.locator('.taro_page:visible .btn--primary', { hasText: '发布活动' }).click()

  const when = soon()
  const form = staff.locator('.activity-form')
  await form.locator('input[placeholder="如：七一主题党日"]').fill(TITLE)
  await staff.getByLabel('活动类型').selectOption('theme_day')
  await staff.getByLabel('活动日期').fill(when.date)
  await form.locator('input[placeholder="如 09:00"]').fill(when.start)
  await form.locator('input[placeholder="如 11:00"]').fill(when.end)
  const venue = staff.getByLabel('活动场所')
  const option = venue.locator('option', { hasText: VENUE })
  await venue.selectOption((await option.getAttribute('value')) ?? '')
  await form.locator('input[placeholder="如 30"]').fill('20')
  await shot(staff, 'activity-form.png')
  await form.locator('.btn--primary', { hasText: '发布活动' }).click()

  // Published: its page shows the sign-in QR and, under it, the code as text.
  await staff.locator('.activity__title', { hasText: TITLE }).waitFor(WAIT)
  expect(staff.url()).toContain('packageActivity/pages/staff-detail/index')
  await staff.locator('.activity__qr-image').waitFor(WAIT)
  await shot(staff, 'activity-staff-detail.png')

  const member = await running.browser().newPage()
  await signInMember(member)
  await member.goto(
    `${running.server().url}/#/packageActivity/pages/nearby/index?lat=26.0745&lng=119.2965`,
    { waitUntil: 'domcontentloaded' },
  )
  await member.locator('.activity-card', { hasText: TITLE }).click()
  await member.locator('.activity__title', { hasText: TITLE }).waitFor(WAIT)
  await member.getByText('报名', { exact: true }).click()
  await member.locator('.activity__mine', { hasText: '你已报名' }).waitFor(WAIT)
  await shot(member, 'activity-member-signed-up.png')

  // The organiser's screen as it is now: the test reads the code under the QR.
  const code = (await staff.locator('.activity__qr-code').innerText()).trim()
  expect(code).toMatch(/^djta1\./)
  await member.locator('input[placeholder="输入现场签到码下方的文字"]').fill(code)
  await member.locator('.btn--primary', { hasText: '签到' }).click()
  await member.locator('.activity__mine', { hasText: '已签到' }).waitFor(WAIT)
  // Signed in: nothing left to do, withdrawing included.
  expect(await member.getByText('取消报名', { exact: true }).count()).toBe(0)
  await shot(member, 'activity-member-signed-in.png')

  // Back on the organiser's page, the attendance is listed.
  await staff.reload({ waitUntil: 'domcontentloaded' })
  const attendances = staff.locator('.activity__attendances')
  await attendances.getByText('签到（1）').waitFor(WAIT)
  await attendances.locator('.activity__line', { hasText: '周文华' }).waitFor(WAIT)
  expect(await attendances.innerText()).toContain('扫码签到')
  await shot(staff, 'activity-staff-attendance.png')

  // The desk's list: a table row with the sign-ups against the capacity.
  await staff.locator('.desk__item', { hasText: '组织生活' }).click()
  const row = staff.locator('.dtable__table tbody tr', { hasText: TITLE })
  await row.waitFor(WAIT)
  expect(await row.innerText()).toContain('1/20')
  // A row opens the activity beside the table, its attendance with it.
  await row.click()
  const beside = staff.locator('.desk-split__detail')
  await beside.locator('.activity__title', { hasText: TITLE }).waitFor(WAIT)
  await beside.locator('.activity__attendances', { hasText: '周文华' }).waitFor(WAIT)
  await shot(staff, 'activity-staff-list.png')

  // The county's ledger counts the attendance, and the figure opens the list that holds it.
  await staff.goto(`${running.server().url}/#/packageLedger/pages/dashboard/index`, {
    waitUntil: 'domcontentloaded',
  })
  const ledger = staff.locator('.taro_page:visible #ledger-activities')
  // The first table is the totals; the kinds held follow, each with its own rows.
  const attended = ledger.locator('.ledger-table__row', { hasText: '签到参加（人次）' }).first()
  await attended.waitFor(WAIT)
  const figure = Number(await attended.locator('.ledger-table__num').innerText())
  expect(figure).toBeGreaterThanOrEqual(1)
  await shot(staff, 'activity-ledger.png')
  await attended.click()
  await staff.waitForURL(/packageLedger\/pages\/records/, WAIT)
  const records = staff.locator('.taro_page:visible')
  await records.locator('.dtable__count').waitFor(WAIT)
  expect(await records.locator('.dtable__count').innerText()).toBe(`共 ${figure} 条`)
  const line = records.locator('.dtable__table tbody tr', { hasText: TITLE })
  await line.filter({ hasText: '周文华' }).waitFor(WAIT)
  await shot(staff, 'activity-ledger-attendances.png')

  // 我的 → 我参加的活动 holds the member's own record.
  await member.goto(`${running.server().url}/#/packageActivity/pages/mine/index`, {
    waitUntil: 'domcontentloaded',
  })
  await member.locator('.activity-card', { hasText: TITLE }).getByText('已签到').waitFor(WAIT)
})

async function signInStaff(page: Page): Promise<void> {
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.getByText('工作人员登录', { exact: true }).click()
  await page.locator('input[placeholder="账号"]').fill('demo.gulou')
  await page.locator('input[placeholder="密码"]').fill('Demo-Lantern-2026!')
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('组织生活', { exact: true }).first().waitFor(WAIT)
}

async function signInMember(page: Page): Promise<void> {
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[placeholder="输入演示用户名"]').fill(MEMBER)
  await page.getByText('演示登录', { exact: true }).click()
  await page.getByText('退出登录', { exact: true }).waitFor(WAIT)
}
