import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { registerRider, signedInStaff } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const WAIT = { timeout: 15_000 }
const DESK = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }

/** Every page of the staff menu, with the title the desk gives it. */
const MENU_PAGES: [string, string][] = [
  ['review', '登记核验'],
  ['import', '名录导入'],
  ['places', '场所管理'],
  ['checkins', '报到审核'],
  ['platform-sites', '平台站点'],
  ['pledges', '承诺审核'],
  ['pledge-reports', '群众举报'],
  ['pledge-ranking', '比作为排名'],
  ['staff-list', '组织生活'],
  ['voice-staff-list', '骑手诉求'],
  ['voice-staff-hotspots', '诉求热点'],
  ['voice-staff-reports', '监督共治报告'],
  ['honours-staff-list', '最美骑手'],
  ['work', '本级工作'],
]
const LEDGER_PAGES: [string, string][] = [
  ['dashboard', '台账'],
  ['reports', '半年报告'],
]
const route = (name: string) =>
  LEDGER_PAGES.some(([page]) => page === name)
    ? `/packageLedger/pages/${name}/index`
    : name === 'staff-list'
      ? `/packageActivity/pages/${name}/index`
      : name.startsWith('voice-')
        ? `/packageVoice/pages/${name.slice('voice-'.length)}/index`
        : name === 'honours-staff-list'
          ? '/packageHonours/pages/staff-list/index'
          : `/packageStaff/pages/${name}/index`

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
})

const signedIn = (viewport: { width: number; height: number }) =>
  signedInStaff(chromium, running.server().url, viewport)

/** A disabled button must still show its label: its text and fill differ. */
async function unreadableButtons(page: Page): Promise<string[]> {
  return page.$$eval('.btn[disabled]', (buttons) =>
    buttons
      .map((button) => {
        const style = getComputedStyle(button)
        return style.color === style.backgroundColor ? (button.textContent ?? '?') : null
      })
      .filter((label): label is string => label !== null),
  )
}

test('at 1366 px every staff page sits in the desk: menu by task, title, breadcrumb, back', async () => {
  const page = await signedIn(DESK)
  for (const [name, title] of [...MENU_PAGES, ...LEDGER_PAGES]) {
    await page.goto(`${running.server().url}/#${route(name)}`, { waitUntil: 'domcontentloaded' })
    const shown = page.locator('.taro_page:visible')
    await shown.locator('.desk__title', { hasText: title }).waitFor(WAIT)
    await expect(shown.locator('.desk__item--current').innerText()).resolves.toContain(title)
    await expect(shown.locator('.desk__group-label').allInnerTexts()).resolves.toEqual([
      '核验',
      '场所与报到',
      '承诺与监督',
      '台账与报告',
      '组织生活',
      '骑手诉求',
      '最美骑手',
      '本级工作',
      '账号',
    ])
    expect(await shown.locator('.desk__back').isVisible()).toBe(true)
    expect(await shown.locator('.desk__trail').innerText()).not.toBe('')
    // The riders' tab bar has no place at a desk.
    expect(await page.locator('.taro-tabbar__tabbar').isVisible()).toBe(false)
    await page.waitForTimeout(300)
    expect(await unreadableButtons(page)).toEqual([])
    await page.screenshot({ path: path.join(screenshotDir, `desk-1366-${name}.png`) })
  }
})

test('the pending figure beside 登记核验 is the number of entries its queue lists', async () => {
  const page = await signedIn(DESK)
  await page.goto(`${running.server().url}/#${route('review')}`, { waitUntil: 'domcontentloaded' })
  const shown = page.locator('.taro_page:visible')
  const badge = shown.locator('.desk__item', { hasText: '登记核验' }).locator('.desk__count')
  await badge.waitFor(WAIT)
  const figure = Number(await badge.innerText())
  expect(figure).toBeGreaterThan(0)
  // Load every page of the queue, then count its entries.
  for (;;) {
    const more = shown.getByText('加载更多', { exact: true })
    if (!(await more.isVisible())) break
    await more.click()
    await page.waitForTimeout(500)
  }
  await shown.getByText('已显示全部', { exact: true }).waitFor(WAIT)
  expect(await shown.locator('.review__item').count()).toBe(figure)
})

test('at 390 px the same pages keep the phone layout', async () => {
  const page = await signedIn(PHONE)
  await page.getByText('登记核验', { exact: true }).waitFor(WAIT)
  // 我的 lists the menu by task too, with what waits in each queue.
  await page.getByText('承诺与监督', { exact: true }).waitFor(WAIT)
  await page.screenshot({
    path: path.join(screenshotDir, 'phone-390-me-staff.png'),
    fullPage: true,
  })
  for (const [name] of [...MENU_PAGES, ...LEDGER_PAGES]) {
    await page.goto(`${running.server().url}/#${route(name)}`, { waitUntil: 'domcontentloaded' })
    await page.locator('.taro_page:visible .page').first().waitFor(WAIT)
    expect(await page.locator('.taro_page:visible .desk__nav').count()).toBe(0)
    await page.waitForTimeout(300)
    expect(await unreadableButtons(page)).toEqual([])
    await page.screenshot({ path: path.join(screenshotDir, `phone-390-${name}.png`) })
  }
})

test('a clerk clears 20 entries with the keyboard alone', async () => {
  const server = running.server().url
  for (let n = 0; n < 20; n++) await registerRider(server, { label: '键盘', n, birth: '19900101' })
  const page = await signedIn(DESK)
  await page.goto(`${server}/#${route('review')}`, { waitUntil: 'domcontentloaded' })
  const shown = page.locator('.taro_page:visible')
  const queue = shown.locator('.review-desk__queue .review__item')
  await shown.locator('.review-desk__detail .detail__entry').waitFor(WAIT)
  const before = Number(await shown.locator('.desk__count').first().innerText())
  expect(before).toBeGreaterThanOrEqual(20)

  const names: string[] = []
  for (let n = 0; n < 20; n++) {
    // The entry beside the queue is the one highlighted in it.
    const current = shown.locator('.review-desk__queue .review__item--selected .review__name')
    const name = await current.innerText()
    await shown.locator('.review-desk__detail .detail__entry', { hasText: name }).waitFor(WAIT)
    names.push(name)
    if (n % 3 === 2) {
      // X: 不通过; the reason is typed straight into the dialog, Ctrl+Enter confirms.
      await page.keyboard.press('x')
      await page.getByText('核验不通过', { exact: true }).waitFor(WAIT)
      // The dialog puts the cursor in its reason field by itself.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.tagName), WAIT)
        .toBe('TEXTAREA')
      await page.keyboard.type('名单中无此人')
      await page.keyboard.press('Control+Enter')
    } else {
      // A: 通过, confirmed with Enter.
      await page.keyboard.press('a')
      await page.getByText('确认通过', { exact: true }).waitFor(WAIT)
      await page.keyboard.press('Enter')
    }
    await shown
      .locator('.review-desk__queue .review__name')
      .getByText(name, { exact: true })
      .waitFor({ state: 'detached', ...WAIT })
    if (n === 0) {
      // J and K move through the queue without deciding anything.
      const first = await shown.locator('.review__item--selected .review__name').innerText()
      await page.keyboard.press('j')
      await expect
        .poll(() => shown.locator('.review__item--selected .review__name').innerText())
        .not.toBe(first)
      await page.keyboard.press('k')
      await expect
        .poll(() => shown.locator('.review__item--selected .review__name').innerText())
        .toBe(first)
    }
  }
  expect(new Set(names).size).toBe(20)
  // The menu's figure follows each decision, and is what the queue still lists.
  const item = shown.locator('.desk__item', { hasText: '登记核验' })
  await expect.poll(() => item.innerText(), WAIT).toBe(`登记核验\n${before - 20}`)
  await expect.poll(() => queue.count(), WAIT).toBe(before - 20)
  await page.screenshot({ path: path.join(screenshotDir, 'desk-1366-review-keyboard.png') })
})
