import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { launchBrowser, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const RIDER = { signInName: '骑手测试甲', name: '林测试', riderId: 'E2E-0001' }
const WAIT = { timeout: 15_000 }
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

test('a rider registers, county staff verify the entry, and the rider then sees 已核验', async () => {
  const rider = await running.browser().newPage()
  await signInRider(rider)
  await rider.getByText('党员登记', { exact: true }).click()
  await rider.getByText('快递外卖骑手', { exact: true }).click()
  await acceptPrivacyIfAsked(rider)
  await fillRiderForm(rider)
  await shot(rider, 'membership-form.png')
  await rider.getByText('提交', { exact: true }).click()
  await rider.getByText('待核验', { exact: true }).waitFor(WAIT)
  expect(rider.url()).toContain('packageMember/pages/status/index')
  await shot(rider, 'membership-submitted.png')

  await verifyAsCountyStaff(RIDER.name)

  await rider.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await rider.reload({ waitUntil: 'domcontentloaded' })
  await rider.locator('.me__row', { hasText: '党员登记' }).getByText('已核验').waitFor(WAIT)
  await rider.getByText('党员登记', { exact: true }).click()
  await rider.locator('.state-badge--success', { hasText: '已核验' }).waitFor(WAIT)
  await shot(rider, 'membership-verified.png')
})

async function signInRider(page: Page): Promise<void> {
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.locator('input[placeholder="输入演示用户名"]').fill(RIDER.signInName)
  await page.getByText('演示登录', { exact: true }).click()
  await page.getByText('退出登录', { exact: true }).waitFor(WAIT)
}

/** A new demo user has not agreed to the privacy notice yet: the form says so first. */
async function acceptPrivacyIfAsked(page: Page): Promise<void> {
  const reminder = page.getByText('查看并同意隐私保护指引', { exact: true })
  await page.getByText('登记类型：快递外卖骑手').waitFor(WAIT)
  if (!(await reminder.isVisible())) return
  await reminder.click()
  await page.getByText('同意本指引', { exact: true }).click()
  // 同意 returns to the page that asked: the form, its reminder gone.
  await page.getByText('登记类型：快递外卖骑手').waitFor(WAIT)
  await reminder.waitFor({ state: 'hidden', ...WAIT })
}

async function fillRiderForm(page: Page): Promise<void> {
  await page.locator('input[placeholder="与身份证一致"]').fill(RIDER.name)
  await page.locator('input[placeholder="11位手机号"]').fill('13955501234')
  await page.getByLabel('配送平台').selectOption('meituan')
  await page.locator('input[placeholder="平台App中的骑手编号/工号"]').fill(RIDER.riderId)
  await page.locator('input[placeholder="如：美团鼓楼东街站"]').fill('美团鼓楼东街站')
  await pickGulou(page)
  await page.locator('input[placeholder="如：××街道××社区党支部"]').fill('鼓楼区东街社区党支部')
  await pickGulou(page)
  await page.getByLabel('党员类型').selectOption('full')
  await page.getByLabel('入党日期').fill('2015-07-01')
}

/** 鼓楼区 (350102) of 福州市, through the county picker's city list. */
async function pickGulou(page: Page): Promise<void> {
  await page.getByText('请选择区县', { exact: true }).first().click()
  await page.locator('.region-sheet__item', { hasText: '福州市' }).click()
  await page.locator('.region-sheet__item', { hasText: '鼓楼区' }).click()
  await page.locator('.sheet').waitFor({ state: 'detached', ...WAIT })
}

/** In a browser of their own: the county official signs in and approves the entry. */
async function verifyAsCountyStaff(riderName: string): Promise<void> {
  const staff = await launchBrowser()
  try {
    const page = await staff.context.newPage()
    // Bureau staff work at a desk: the detail shows the entry and the evidence side by side.
    await page.setViewportSize({ width: 1280, height: 900 })
    await signInStaff(page)
    await page.getByText('登记核验', { exact: true }).click()
    await findInQueue(page, riderName)
    await shot(page, 'review-queue.png')
    await page.locator('.review__name', { hasText: riderName }).click()
    await page.getByText(RIDER.riderId, { exact: true }).waitFor(WAIT)
    await page
      .locator('.detail__entry')
      .getByText('福州市鼓楼区', { exact: true })
      .first()
      .waitFor(WAIT)
    await shot(page, 'review-detail.png')
    await page.getByText('通过', { exact: true }).click()
    await page.getByText('确认通过', { exact: true }).click()
    // At a desk the decided entry leaves the waiting queue and the next one opens beside it;
    // under 已核验 it is found again, verified, with 撤销核验 offered.
    await page
      .locator('.review-desk__queue .review__name', { hasText: riderName })
      .waitFor({ state: 'detached', ...WAIT })
    await page.locator('.taro__modal').waitFor({ state: 'hidden', ...WAIT })
    await page.locator('.review__chip', { hasText: /^已核验$/ }).click()
    await page.locator('.review__name', { hasText: riderName }).click()
    await page.locator('.detail__entry', { hasText: riderName }).waitFor(WAIT)
    await page.locator('.detail__entry .state-badge', { hasText: '已核验' }).waitFor(WAIT)
    await page.getByText('撤销核验', { exact: true }).waitFor(WAIT)
    await page.locator('.taro__modal').waitFor({ state: 'hidden', ...WAIT })
    await page.locator('.taro__toast').waitFor({ state: 'hidden', ...WAIT })
    await shot(page, 'review-verified.png')
  } finally {
    await staff.close()
  }
}

async function signInStaff(page: Page): Promise<void> {
  await page.goto(`${running.server().url}/#/pages/me/index`, { waitUntil: 'domcontentloaded' })
  await page.getByText('工作人员登录', { exact: true }).click()
  await page.locator('input[placeholder="账号"]').fill('demo.gulou')
  await page.locator('input[placeholder="密码"]').fill('Demo-Lantern-2026!')
  await page.getByText('登录', { exact: true }).click()
  await page.getByText('登记核验', { exact: true }).waitFor(WAIT)
}

/** The queue is oldest first, after the demo entries: follow 加载更多 until the name shows. */
async function findInQueue(page: Page, name: string): Promise<void> {
  const entry = page.locator('.review__name', { hasText: name })
  await page.locator('.review__item').first().waitFor(WAIT)
  for (let pageNo = 0; pageNo < 10 && !(await entry.isVisible()); pageNo++) {
    await page.getByText('加载更多', { exact: true }).click()
    await page.waitForTimeout(500)
  }
  await entry.waitFor(WAIT)
}

test('county staff import a platform roster and see the rejected row with its reason', async () => {
  const staff = await launchBrowser()
  try {
    const page = await staff.context.newPage()
    await signInStaff(page)
    await page.getByText('名录导入', { exact: true }).click()
    await page.getByText('平台骑手名册', { exact: true }).click()
    const roster = [
      '平台,骑手编号,姓名,手机号,是否党员,行政区划代码',
      '美团,E2E-0001,林测试,13955501234,是,350102',
      '美团,E2E-0002,王测试,1395550,是,350102',
    ].join('\n')
    await page.locator('input[type="file"]').setInputFiles({
      name: '美团名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(roster, 'utf8'),
    })
    await page.getByText('上传并导入', { exact: true }).click()
    await page.getByText('导入结果：平台骑手名册').waitFor(WAIT)
    const report = page.locator('.import__report')
    expect(await report.locator('.import__count-value').allInnerTexts()).toEqual(['2', '1', '1'])
    await report.getByText(/^第 3 行 · 手机号：/).waitFor(WAIT)
    await page.locator('.import__history-title', { hasText: '美团名册.csv' }).waitFor(WAIT)
    await shot(page, 'register-import.png')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByText('下载拒收报告', { exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^平台骑手名册-拒收报告-.+\.csv$/)
    expect(await readFile(await download.path(), 'utf8')).toContain('手机号应为11位大陆手机号')
  } finally {
    await staff.close()
  }
})
