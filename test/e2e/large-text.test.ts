// Large text: a browser whose font size setting is 28 px (16 px is the default; WeChat's
// largest setting and its care mode are in this range) opens 附近, the registration form
// and the public pledge page at phone width. Every text size is in rem, so the text must
// grow, and the pages must stay usable: nothing scrolls sideways, no text is clipped,
// runs off the screen or lies on other text, and buttons stay thumb-sized. Screenshots
// land in test-results/e2e/large-text-*.png.
import path from 'node:path'
import gcoord from 'gcoord'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  demoPledgeCode,
  launchBrowser,
  type RunningServer,
  screenshotDir,
  startE2eServer,
} from './harness.ts'

const LARGEST = 28
const WAIT = { timeout: 15_000 }

let server: RunningServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let context: BrowserContext
beforeAll(async () => {
  server = await startE2eServer()
  browser = await launchBrowser({ defaultFontSize: LARGEST })
  context = browser.context
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `large-text-${name}.png`), fullPage: true })

/** What would stop a person reading or tapping the page, as sentences (none: usable). */
function problemsOn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = window.innerWidth
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${[...el.classList].map((name) => `.${name}`).join('')} “${(el.textContent ?? '').trim().slice(0, 16)}”`
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`)
    }
    for (const el of document.querySelectorAll('body *')) {
      if (el.matches('input, textarea, select, img, svg, canvas, video')) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || el.getClientRects().length === 0) continue
      const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip'
      if (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`clipped at the side: ${label(el)}`)
      }
      if (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
        problems.push(`clipped at the bottom: ${label(el)}`)
      }
    }
    // Text is compared with text in the same scrolling box, in that box's content
    // coordinates: what lies under the tab bar now is reached by scrolling.
    const scrollerOf = (el: Element | null, axis: 'overflowX' | 'overflowY') => {
      for (let at = el; at && at !== document.body; at = at.parentElement) {
        const overflow = getComputedStyle(at)[axis]
        if (overflow === 'auto' || overflow === 'scroll') return at
      }
      return null
    }
    const boxes: { rect: DOMRect; text: string; scroller: Element | null }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      const text = node.textContent?.trim() ?? ''
      const parent = node.parentElement
      if (!text || !parent || getComputedStyle(parent).visibility === 'hidden') continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const sideways = scrollerOf(parent, 'overflowX')
      const scroller = scrollerOf(parent, 'overflowY')
      for (const rect of range.getClientRects()) {
        if (rect.width === 0 || rect.height === 0) continue
        // A row that scrolls sideways (the filter chips) shows the rest on a swipe.
        if (!sideways && (rect.left < -1 || rect.right > width + 1)) {
          problems.push(`text off the screen: “${text.slice(0, 16)}”`)
        }
        const shift = scroller ? { x: scroller.scrollLeft, y: scroller.scrollTop } : { x: 0, y: 0 }
        const inContent = new DOMRect(rect.x + shift.x, rect.y + shift.y, rect.width, rect.height)
        boxes.push({ rect: inContent, text: text.slice(0, 16), scroller })
      }
    }
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.scroller === b.scroller && overlap(a.rect, b.rect)) {
          problems.push(`text on text: “${a.text}” and “${b.text}”`)
        }
      }
    }
    for (const el of document.querySelectorAll('button, .btn')) {
      const rect = el.getBoundingClientRect()
      if (rect.height > 0 && rect.height < 44) problems.push(`a button under 44 px: ${label(el)}`)
    }
    return [...new Set(problems)]
  })
}

/** The computed font size of the first element matching `selector`, in px. */
const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))

test('the checker finds clipped, overlapping and off-screen text (it can fail)', async () => {
  const page = await context.newPage()
  await page.setContent(`<body style="margin:0">
    <div style="width:60px;height:20px;overflow:hidden">一段放大后装不下的文字</div>
    <div style="position:relative;height:40px"><span>甲乙</span><span style="position:absolute;left:0;top:0">丙丁</span></div>
    <div style="width:2000px">很宽</div>
    <button style="height:30px">小按钮</button></body>`)
  const problems = await problemsOn(page)
  expect(problems.some((p) => p.startsWith('clipped at the'))).toBe(true)
  expect(problems).toContain('text on text: “甲乙” and “丙丁”')
  expect(problems.some((p) => p.startsWith('the page scrolls sideways'))).toBe(true)
  expect(problems.some((p) => p.startsWith('a button under 44 px'))).toBe(true)
  await page.close()
})

test('附近 at the largest text: rows, distances, 导航 and 拨打 all readable', async () => {
  // 东街口 in GCJ-02, as the browser's GPS (WGS-84) reports it.
  const [longitude, latitude] = gcoord.transform([119.2965, 26.0865], gcoord.GCJ02, gcoord.WGS84)
  await context.setGeolocation({ latitude, longitude })
  await context.grantPermissions(['geolocation'])
  const page = await context.newPage()
  await page.goto(`${server.url}/#/pages/nearby/index`, { waitUntil: 'domcontentloaded' })
  await page.locator('.nearby__row').first().waitFor(WAIT)
  await page.locator('.nearby__row').first().getByText('导航').waitFor(WAIT)
  expect(await fontSize(page, '.page')).toBe(LARGEST)
  expect(await fontSize(page, '.nearby__name')).toBeGreaterThanOrEqual(LARGEST)
  await shot(page, 'nearby')
  expect(await problemsOn(page)).toEqual([])
  await page.close()
})

test('the registration form at the largest text, before and after its errors show', async () => {
  const page = await context.newPage()
  await page.goto(`${server.url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[placeholder="输入演示用户名"]').fill('大字测试骑手')
  await page.getByText('演示登录', { exact: true }).click()
  await page.getByText('退出登录', { exact: true }).waitFor(WAIT)
  await page.getByText('党员登记', { exact: true }).click()
  await page.getByText('快递外卖骑手', { exact: true }).click()
  await page.getByText('登记类型：快递外卖骑手').waitFor(WAIT)
  const reminder = page.getByText('查看并同意隐私保护指引', { exact: true })
  if (await reminder.isVisible()) {
    await shot(page, 'privacy-reminder')
    expect(await problemsOn(page)).toEqual([])
    await reminder.click()
    await page.getByText('同意本指引', { exact: true }).waitFor(WAIT)
    await shot(page, 'privacy')
    expect(await problemsOn(page)).toEqual([])
    await page.getByText('同意本指引', { exact: true }).click()
    await reminder.waitFor({ state: 'hidden', ...WAIT })
  }
  expect(await fontSize(page, '.page')).toBe(LARGEST)
  await shot(page, 'register-form')
  expect(await problemsOn(page)).toEqual([])
  await page.getByText('提交', { exact: true }).click()
  await page.getByText('请填写姓名').first().waitFor(WAIT)
  await shot(page, 'register-errors')
  expect(await problemsOn(page)).toEqual([])
  await page.close()
})

test('the public pledge page at the largest text, in the app and as the plain-QR page', async () => {
  const code = await demoPledgeCode(server.url, '演示店主小林')
  const page = await context.newPage()
  await page.goto(
    `${server.url}/#/packagePledge/pages/public/index?code=${encodeURIComponent(code)}&full=1`,
    { waitUntil: 'domcontentloaded' },
  )
  await page.getByText('有效', { exact: true }).first().waitFor(WAIT)
  await page.getByText('坏果包换，称不足双倍补').waitFor(WAIT)
  expect(await fontSize(page, '.page')).toBe(LARGEST)
  await shot(page, 'public')
  expect(await problemsOn(page)).toEqual([])

  await page.goto(`${server.url}/p/${encodeURIComponent(code)}`)
  await page.getByText('有效', { exact: true }).first().waitFor(WAIT)
  expect(await fontSize(page, 'body')).toBe(LARGEST)
  await shot(page, 'public-plain')
  expect(await problemsOn(page)).toEqual([])
  await page.close()
})
