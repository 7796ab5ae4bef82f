import path from 'node:path'
import { expect, test } from 'vitest'
import { screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()

test('the H5 shell shows the tab bar, the readiness and the demo banner', async () => {
  const page = await running.browser().newPage()
  const failedRequests: string[] = []
  page.on('requestfailed', (request) => failedRequests.push(request.url()))
  await page.goto(running.server().url, { waitUntil: 'domcontentloaded' })

  await page.getByText('服务就绪', { exact: true }).waitFor({ timeout: 20_000 })
  expect(await page.getByText(/^演示数据/).isVisible()).toBe(true)
  const tabs = await page.locator('.weui-tabbar__label').allInnerTexts()
  expect(tabs.map((text) => text.trim())).toEqual(['附近', '承诺', '我的'])
  await page.screenshot({ path: path.join(screenshotDir, 'home.png') })
  expect(failedRequests.filter((url) => url.startsWith(running.server().url))).toEqual([])
})

test('the 我的 tab opens its page', async () => {
  const page = await running.browser().newPage()
  await page.goto(running.server().url, { waitUntil: 'domcontentloaded' })
  await page.getByText('服务就绪', { exact: true }).waitFor({ timeout: 20_000 })
  await page.locator('.weui-tabbar__label', { hasText: '我的' }).click()
  await page.getByText('隐私保护指引').waitFor({ timeout: 10_000 })
  expect(page.url()).toContain('pages/me/index')
  await page.screenshot({ path: path.join(screenshotDir, 'me.png') })
})
