import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { launchBrowser, type RunningServer, screenshotDir, startServer } from './harness.ts'

let server: RunningServer
let browser: Awaited<ReturnType<typeof launchBrowser>>

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('the H5 shell shows the tab bar, the readiness and the demo banner', async () => {
  const page = await browser.context.newPage()
  const failedRequests: string[] = []
  page.on('requestfailed', (request) => failedRequests.push(request.url()))
  await page.goto(server.url, { waitUntil: 'domcontentloaded' })

  await page.getByText('服务就绪', { exact: true }).waitFor({ timeout: 20_000 })
  expect(await page.getByText(/^演示数据/).isVisible()).toBe(true)
  const tabs = await page.locator('.weui-tabbar__label').allInnerTexts()
  expect(tabs.map((text) => text.trim())).toEqual(['附近', '承诺', '我的'])
  await page.screenshot({ path: path.join(screenshotDir, 'home.png') })
  expect(failedRequests.filter((url) => url.startsWith(server.url))).toEqual([])
})

test('the 我的 tab opens its page', async () => {
  const page = await browser.context.newPage()
  await page.goto(server.url, { waitUntil: 'domcontentloaded' })
  await page.getByText('服务就绪', { exact: true }).waitFor({ timeout: 20_000 })
  await page.locator('.weui-tabbar__label', { hasText: '我的' }).click()
  await page.getByText('隐私保护指引').waitFor({ timeout: 10_000 })
  expect(page.url()).toContain('pages/me/index')
  await page.screenshot({ path: path.join(screenshotDir, 'me.png') })
})
