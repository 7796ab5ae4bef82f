import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  demoPledgeCode,
  launchChromium,
  screenshotDir,
  serverAndBrowserPerFile,
} from './harness.ts'

const running = serverAndBrowserPerFile()
const OWNER = '演示店主老周'
const OWN_PROMISE = '缺斤少两，十倍赔偿'
const WAIT = { timeout: 15_000 }
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

// Staff and the anonymous customer get contexts of their own: no storage shared with the owner.
let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
})

test('an operator pledges, county staff approve it, a customer checks and rates it', async () => {
  const owner = await running.browser().newPage()
  await signInOwner(owner)
  await owner.locator('.weui-tabbar__label', { hasText: '承诺' }).click()
  await owner.getByText('查验承诺牌', { exact: true }).waitFor(WAIT)
  await shot(owner, 'pledge-tab.png')
  await owner.getByText('我的承诺', { exact: true }).click()
  await owner.getByText('写承诺', { exact: true }).click()
  await writePledge(owner)
  await owner.locator('#pledge-promises').scrollIntoViewIfNeeded()
  await owner.evaluate(() => document.querySelector('#pledge-promises')?.scrollIntoView())
  await shot(owner, 'pledge-form.png')
  await owner.getByText('提交审核', { exact: true }).click()
  await owner.locator('.my-pledge__big', { hasText: '审核中' }).waitFor(WAIT)
  expect(owner.url()).toContain('packagePledge/pages/mine/index')
  await owner.getByText('第 1 版：待审核').waitFor(WAIT)
  await shot(owner, 'pledge-submitted.png')

  const staff = await staffPage()
  await signInStaff(staff)
  await staff.getByText('承诺审核', { exact: true }).click()
  // At a desk (1280 px) the queue is a table; a row opens its pledge beside it.
  const queued = staff.locator('.dtable__table tbody tr', { hasText: '老周粮油店' })
  await queued.waitFor(WAIT)
  await shot(staff, 'pledge-queue.png')
  await queued.click()
  const beside = staff.locator('.desk-split__detail')
  await beside.getByText(OWN_PROMISE, { exact: true }).waitFor(WAIT)
  // The row stays marked; the narrower table drops its secondary columns (经营内容).
  const marked = staff.locator('.dtable__table tbody tr[aria-current="true"]')
  expect(await marked.count()).toBe(1)
  await shot(staff, 'pledge-review.png')
  await beside.getByText('通过', { exact: true }).click()
  await staff.getByText('确认通过', { exact: true }).click()
  await beside.locator('.pledge-detail__head .pledge-badge', { hasText: '有效' }).waitFor(WAIT)
  await staff.locator('.taro__toast').waitFor({ state: 'hidden', ...WAIT })
  // Decided, it leaves the pending list beside it; the menu's count follows.
  await marked.waitFor({ state: 'detached', ...WAIT })

  await owner.reload({ waitUntil: 'domcontentloaded' })
  await owner.locator('.my-pledge__big', { hasText: '有效' }).waitFor(WAIT)
  const code = (await owner.locator('.my-pledge__code-value').innerText()).trim()
  expect(code).toMatch(/^[0-9A-Za-z]{4,32}$/)
  await owner.getByText('下载承诺牌', { exact: true }).waitFor(WAIT)
  await shot(owner, 'pledge-approved.png')

  const customer = await (
    await chromium.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage()
  // The plaque's plain QR: the server-rendered page says 有效 in its first answer, and
  // the code typed in lower case with spaces (as a phone keyboard gives it) reads the same.
  const typed = `${code.slice(0, 5)} ${code.slice(5).toLowerCase()}`
  await customer.goto(`${running.server().url}/p/${encodeURIComponent(typed)}`)
  await customer.locator('.verdict h1', { hasText: '有效' }).waitFor(WAIT)
  await customer.getByText(OWN_PROMISE).waitFor(WAIT)
  await shot(customer, 'pledge-public-plain-qr.png')
  await customer.getByText('评价或举报').click()
  await customer.locator('.public-banner__status', { hasText: '有效' }).waitFor(WAIT)
  for (const promise of ['诚信经营，不缺斤短两', '明码标价，不哄抬价格', OWN_PROMISE]) {
    await customer.locator('.pledge-promises__text', { hasText: promise }).waitFor(WAIT)
  }
  await shot(customer, 'pledge-public.png')
  await customer.getByText('评价', { exact: true }).click()
  await customer.locator('.rate-sheet__star').nth(4).click()
  await customer.getByText('5 星 · 非常满意').waitFor(WAIT)
  await shot(customer, 'pledge-rate-sheet.png')
  await customer.getByText('提交评价', { exact: true }).click()
  await customer.getByText('感谢你的评价').waitFor(WAIT)
  await customer.getByText('好的', { exact: true }).click()
  await customer.getByText('感谢你的评价').waitFor({ state: 'hidden', ...WAIT })
  await customer.getByText('平均 5.0 / 1 条').waitFor(WAIT)
  await shot(customer, 'pledge-public-rated.png')

  await staff.reload({ waitUntil: 'domcontentloaded' })
  await staff.locator('.taro_page:visible .tab', { hasText: '公示中' }).click()
  await staff.locator('.dtable__table tbody tr', { hasText: '老周粮油店' }).click()
  await beside.locator('.pledge-detail__rating-text', { hasText: '平均 5.0 / 1 条' }).waitFor(WAIT)
  await shot(staff, 'pledge-detail-rated.png')
})

test('a code nobody issued shows 无效, loudly, to someone not signed in', async () => {
  const page = await (
    await chromium.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage()
  // Well-formed (an old-style code) but never issued: only such a code reads 无效.
  // (full=1: the full page itself, as the light page's button opens it.)
  await page.goto(
    `${running.server().url}/#/packagePledge/pages/public/index?code=cNOSUCH00099&full=1`,
    {
      waitUntil: 'domcontentloaded',
    },
  )
  await page
    .locator('.public-banner--danger .public-banner__status', { hasText: '无效' })
    .waitFor(WAIT)
  await page.getByText('此承诺牌无效，请勿轻信').waitFor(WAIT)
  expect(await page.getByText('评价', { exact: true }).count()).toBe(0)
  await shot(page, 'pledge-public-invalid.png')
  // A typo is not a forgery: the page asks to check the code instead.
  await page.goto(
    `${running.server().url}/#/packagePledge/pages/public/index?code=NOSUCH99&full=1`,
    {
      waitUntil: 'domcontentloaded',
    },
  )
  await page.getByText('查验码格式不对，请核对').waitFor(WAIT)
  expect(await page.getByText('无效', { exact: true }).count()).toBe(0)
  await shot(page, 'pledge-public-malformed.png')
})

test('an earlier plaque opens the light page first; its button opens the full page', async () => {
  const page = await (
    await chromium.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage()
  const code = await demoPledgeCode(running.server().url, '演示店主小林')
  await page.goto(`${running.server().url}/#/packagePledge/pages/public/index?code=${code}`)
  await page.waitForURL(`${running.server().url}/p/${code}`, WAIT)
  await page.locator('.verdict h1', { hasText: '有效' }).waitFor(WAIT)
  // No app bundle was run on the way: the light page came straight after index.html.
  expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0)
  await page.getByText('评价或举报', { exact: true }).click()
  await page.locator('.public-banner__status', { hasText: '有效' }).waitFor(WAIT)
  expect(page.url()).toContain(`/#/packagePledge/pages/public/index?code=${code}&full=1`)
})

async function signInOwner(page: Page): Promise<void> {
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[placeholder="输入演示用户名"]').fill(OWNER)
  await page.getByText('演示登录', { exact: true }).click()
  await page.getByText('退出登录', { exact: true }).waitFor(WAIT)
}

/** Two templates and one promise of the owner's own; the rest comes from the registration. */
async function writePledge(page: Page): Promise<void> {
  await page.locator('.pledge-edit__chip').first().waitFor(WAIT)
  await fillIfEmpty(page, '顾客看到的称呼，如：周师傅', '周师傅')
  await fillIfEmpty(page, '如：老周水果店', '鼓楼区老周粮油店')
  await fillIfEmpty(page, '如：党员经营户', '党员经营户')
  await page
    .locator('textarea[placeholder^="如：带头诚信经营"]')
    .fill('带头诚信经营，维护消费者权益')
  await page.locator('.pledge-edit__chip', { hasText: '诚信经营' }).click()
  await page.locator('.pledge-edit__chip', { hasText: '明码标价' }).click()
  await page.getByText('+ 自己写一条承诺', { exact: true }).click()
  await page.locator('input[placeholder="如：坏果包换，缺斤少两十倍赔"]').fill(OWN_PROMISE)
  await page.getByText('已选 3/8 条', { exact: true }).waitFor(WAIT)
}

async function fillIfEmpty(page: Page, placeholder: string, value: string): Promise<void> {
  const input = page.locator(`input[placeholder="${placeholder}"]`)
  if ((await input.inputValue()) === '') await input.fill(value)
}

async function staffPage(): Promise<Page> {
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

async function signInStaff(page: Page): Promise<void> {
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.getByText('工作人员登录', { exact: true }).click()
  await page.locator('input[placeholder="账号"]').fill('demo.gulou')
  await page.locator('input[placeholder="密码"]').fill('Demo-Lantern-2026!')
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('承诺审核', { exact: true }).waitFor(WAIT)
}
