import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { signedInStaff } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const WAIT = { timeout: 15_000 }
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true })

// Each of the three staff members gets a browser context of their own: no shared storage.
let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
})

test('a county sends its half-year ledger up, the city accepts it, the province drills down', async () => {
  const county = await signInStaff('demo.gulou')
  await county.getByText('台账', { exact: true }).click()
  await county.getByText('鼓楼区台账', { exact: true }).waitFor(WAIT)
  await county.getByText('导出 Excel', { exact: true }).waitFor(WAIT)
  // The demo registrations in 鼓楼区 show up as members, self-reported or verified.
  const memberFigures = await numbersIn(county.locator('#ledger-members .ledger-table').first())
  expect(memberFigures.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0)
  await shot(county, 'ledger-county-dashboard.png')
  await showSection(county, '#ledger-markets')
  await shot(county, 'ledger-county-markets.png')

  await county.goBack()
  await county.getByText('半年报告', { exact: true }).click()
  await county.getByText('本期尚未报送。').waitFor(WAIT)
  await county.getByText('冻结并报送', { exact: true }).click()
  await county.getByText('确认报送', { exact: true }).click()
  await county.locator('#report-own .report-tag', { hasText: '已报送' }).waitFor(WAIT)
  await shot(county, 'ledger-county-reported.png')

  // The city's clerk at a desk: what the counties sent is a table, accepted row by row.
  const city = await signInStaff('demo.fuzhou', { width: 1366, height: 900 })
  await city.getByText('半年报告', { exact: true }).click()
  const gulou = city.locator('table[aria-label="下级报送"] tbody tr', { hasText: '鼓楼区' })
  await gulou.locator('.report-tag', { hasText: '已报送' }).waitFor(WAIT)
  await shot(city, 'ledger-city-reports.png')
  await gulou.getByText('接收', { exact: true }).click()
  await gulou.locator('.report-tag', { hasText: '已接收' }).waitFor(WAIT)
  expect(await gulou.getByText('接收', { exact: true }).count()).toBe(0)
  await gulou.locator('td').first().click()
  await city.getByText('各版本', { exact: true }).waitFor(WAIT)
  await city.locator('#ledger-members').waitFor(WAIT)
  await shot(city, 'ledger-city-report-detail.png')

  const province = await signInStaff('demo.province')
  await province.getByText('半年报告', { exact: true }).click()
  await province
    .locator('.report-child', { hasText: '鼓楼区' })
    .locator('.report-tag', { hasText: '已接收' })
    .waitFor(WAIT)
  // The province sends nothing up itself.
  expect(await province.getByText('冻结并报送', { exact: true }).count()).toBe(0)
  await shot(province, 'ledger-province-reports.png')

  await province.goBack()
  await province.getByText('台账', { exact: true }).click()
  await province.getByText('福建省台账', { exact: true }).waitFor(WAIT)
  const fuzhou = province.locator('#ledger-children .ledger-table__row', { hasText: '福州市' })
  await fuzhou.waitFor(WAIT)
  const [reported = 0, verified = 0] = await numbersIn(fuzhou)
  expect(reported + verified).toBeGreaterThan(0)
  await showSection(province, '#ledger-children')
  await shot(province, 'ledger-province-dashboard.png')
  await fuzhou.click()
  await province.getByText('福州市台账', { exact: true }).waitFor(WAIT)
  await province.locator('#ledger-children .ledger-table__row', { hasText: '鼓楼区' }).waitFor(WAIT)
  await showSection(province, '#ledger-children')
  await shot(province, 'ledger-province-drilldown-city.png')
})

test('the province drills down to a county’s stations; a figure opens that county’s records only', async () => {
  const province = await signInStaff('demo.province')
  await province.getByText('台账', { exact: true }).click()
  await province.getByText('福建省台账', { exact: true }).waitFor(WAIT)
  await province.locator('#ledger-children .ledger-table__row', { hasText: '福州市' }).click()
  await province.getByText('福州市台账', { exact: true }).waitFor(WAIT)
  await province
    .locator('#ledger-children .ledger-table__row', { hasText: '鼓楼区' })
    .last()
    .click()
  await province.getByText('鼓楼区台账', { exact: true }).waitFor(WAIT)
  await showSection(province, '#ledger-records')
  await province.locator('#ledger-records .ledger-table__row', { hasText: '关爱阵地' }).click()
  const station = province.locator('.ledger-record', { hasText: '东街口爱心驿站' })
  await station.waitFor(WAIT)
  expect(await province.locator('.ledger-record', { hasText: '思明区' }).count()).toBe(0)
  await shot(province, 'ledger-county-stations.png')
  await station.click()
  await province.waitForURL(/place-edit\/index\?id=[0-9a-f-]{36}/, WAIT)

  // Straight to 鼓楼区's ledger (as a link from a chat would open it) for the figure links.
  await province.goto(`${running.server().url}/#/packageLedger/pages/dashboard/index?region=350102`)
  await province.reload({ waitUntil: 'domcontentloaded' })
  await province.getByText('鼓楼区台账', { exact: true }).waitFor(WAIT)
  // Earlier pages stay in the DOM, hidden: the one on screen is the visible one.
  const waiting = province
    .locator('#ledger-members .ledger-table__row--link', { hasText: '等待核验' })
    .filter({ visible: true })
    .first()
  const [figure] = await numbersIn(waiting)
  await waiting.click()
  await province.locator('#region-scope', { hasText: '鼓楼区' }).waitFor(WAIT)
  await province.locator('.review__item').filter({ visible: true }).first().waitFor(WAIT)
  const regions = await province.locator('.review__meta').filter({ visible: true }).allInnerTexts()
  expect(regions.length).toBeGreaterThan(0)
  expect(regions.every((text) => text.includes('鼓楼区'))).toBe(true)
  // 等待核验 lists exactly the entries the figure counts.
  expect(regions.length).toBe(figure)
  await shot(province, 'ledger-figure-records-gulou.png')
})

/** H5 pages scroll inside Taro's page box (earlier pages stay in the DOM, the newest last). */
async function showSection(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .last()
    .evaluate((el) => el.scrollIntoView())
}

/** The figures of a table row or table, in order (thousands separators dropped). */
async function numbersIn(scope: ReturnType<Page['locator']>): Promise<number[]> {
  const texts = await scope.locator('.ledger-table__num').allInnerTexts()
  return texts.map((t) => Number(t.replace(/,/g, ''))).filter((n) => Number.isFinite(n))
}

const signInStaff = (username: string, viewport = { width: 390, height: 844 }) =>
  signedInStaff(chromium, running.server().url, viewport, username)
