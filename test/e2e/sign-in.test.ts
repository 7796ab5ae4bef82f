import path from 'node:path'
import { expect, test } from 'vitest'
import { screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()

test('a dev-mode user signs in on 我的 and sees who they are', async () => {
  const page = await running.browser().newPage()
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[placeholder="输入演示用户名"]').fill('骑手小王')
  await page.getByText('演示登录', { exact: true }).click()
  await page.getByText('微信用户', { exact: true }).waitFor({ timeout: 15_000 })
  expect(await page.getByText('退出登录', { exact: true }).isVisible()).toBe(true)
  await page.screenshot({ path: path.join(screenshotDir, 'me-user.png') })
})

test('a staff member signs in and sees the name of their jurisdiction', async () => {
  const page = await running.browser().newPage()
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.getByText('工作人员登录', { exact: true }).click()
  await page.locator('input[placeholder="账号"]').fill('demo.gulou')
  await page.locator('input[placeholder="密码"]').fill('wrong-password-1')
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('账号或密码错误').waitFor({ timeout: 15_000 })

  await page.locator('input[placeholder="密码"]').fill('Demo-Lantern-2026!')
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('鼓楼区', { exact: true }).waitFor({ timeout: 15_000 })
  // The city part of 福州市鼓楼区 arrives with a second request: wait for it too.
  await page.getByText('福州市', { exact: true }).waitFor({ timeout: 15_000 })
  expect(page.url()).toContain('pages/me/index')
  await page.screenshot({ path: path.join(screenshotDir, 'me-staff.png') })
})
