import path from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { signedInStaff } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

const running = serverAndBrowserPerFile()
const WAIT = { timeout: 15_000 }
const DESK = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const DASHBOARD = '/packageLedger/pages/dashboard/index'

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
})
afterAll(async () => {
  await chromium?.close()
})

const signedIn = (username: string, viewport: typeof DESK) =>
  signedInStaff(chromium, running.server().url, viewport, username)

/** The page on screen (Taro keeps earlier pages in the DOM, hidden). */
const shown = (page: Page) => page.locator('.taro_page:visible')

async function openLedger(page: Page, title: string, region?: string): Promise<Locator> {
  const query = region ? `?region=${region}` : ''
  await page.goto(`${running.server().url}/#${DASHBOARD}${query}`, {
    waitUntil: 'domcontentloaded',
  })
  await shown(page).getByText(`${title}台账`, { exact: true }).waitFor(WAIT)
  return shown(page)
}

const number = (text: string) => Number(text.replace(/,/g, ''))

/** A tile's figure: its one number, or self-reported + verified (its list holds both). */
async function tileFigure(ledger: Locator, key: string): Promise<number> {
  const values = await ledger.locator(`#ledger-strip-${key} .ledger-strip__value`).allInnerTexts()
  expect(values.length).toBeGreaterThan(0)
  return values.map(number).reduce((sum, n) => sum + n, 0)
}

/** Opens a tile's list on the records page and counts its rows, every page of them. */
async function listedBehind(page: Page, ledger: Locator, key: string): Promise<number> {
  await ledger.locator(`#ledger-strip-${key}`).click()
  await page.waitForURL(/packageLedger\/pages\/records/, WAIT)
  const list = shown(page)
  // At the desk the records are a table; its foot says 共 N 条 once the list has answered.
  const foot = list.locator('.dtable__count')
  await foot.waitFor(WAIT)
  for (;;) {
    const more = list.locator('.dtable__more', { hasText: '加载更多' })
    if (!(await more.isVisible())) break
    await more.click()
    await page.waitForTimeout(500)
  }
  const count = await list.locator('.dtable__table tbody tr:not(:has(.dtable__notice))').count()
  expect(await foot.innerText()).toBe(`共 ${count} 条`)
  await page.goBack()
  return count
}

/** Each heading row: cells side by side without overlap, each heading's text inside its cell. */
async function headingClashes(ledger: Locator): Promise<string[]> {
  const heads = ledger.locator('.ledger-table__row--head')
  // The riders' sites table (five columns) is among those checked.
  expect(await heads.count()).toBeGreaterThan(5)
  await ledger
    .locator('.ledger-table__row--head', { hasText: '已建党组织' })
    .first()
    .waitFor({ state: 'visible', ...WAIT })
  return heads.evaluateAll((rows) =>
    rows.flatMap((row) => {
      const cells = Array.from(row.children) as HTMLElement[]
      return cells.flatMap((cell, index) => {
        const problems: string[] = []
        const next = cells[index + 1]
        const box = cell.getBoundingClientRect()
        if (box.width === 0) return problems
        if (next && box.right > next.getBoundingClientRect().left + 0.5)
          problems.push(`${cell.innerText} runs into ${next.innerText}`)
        if (cell.scrollWidth > cell.clientWidth)
          problems.push(`${cell.innerText} overflows (${cell.scrollWidth} > ${cell.clientWidth})`)
        return problems
      })
    }),
  )
}

/** Table rows wider than their table (five figures on a phone must still fit). */
async function overflowingRows(ledger: Locator): Promise<string[]> {
  return ledger
    .locator('.ledger-table__row')
    .evaluateAll((rows) =>
      rows
        .filter((row) => row.getClientRects().length > 0 && row.scrollWidth > row.clientWidth + 1)
        .map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ')),
    )
}

/** The figures of one column of the child table, top to bottom. */
async function childColumn(ledger: Locator, column: number): Promise<number[]> {
  const rows = ledger.locator('#ledger-children .ledger-table__row:not(.ledger-table__row--head)')
  const texts = await rows.evaluateAll(
    (elements, c) =>
      elements.map((row) => row.querySelectorAll('.ledger-table__num')[c]?.textContent ?? ''),
    column,
  )
  return texts.map(number)
}

const sorted = (values: number[], direction: 'asc' | 'desc') =>
  [...values].sort((a, b) => (direction === 'asc' ? a - b : b - a))

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(screenshotDir, name) })
}

test('the province at a desk: headline figures equal their lists, regions sort, the trail goes back up', async () => {
  const page = await signedIn('demo.province', DESK)
  const ledger = await openLedger(page, '福建省')
  await ledger.locator('.ledger--desk #ledger-headline').waitFor(WAIT)
  // The region shown is the account's own: the trail is that region alone.
  expect(await ledger.locator('.ledger-trail').innerText()).toBe('福建省')
  // The child regions come right after the strip, before the sections.
  const order = await ledger
    .locator('#ledger-headline, #ledger-children, #ledger-members')
    .evaluateAll((els) => els.map((el) => el.id))
  expect(order).toEqual(['ledger-headline', 'ledger-children', 'ledger-members'])
  await ledger.locator('#ledger-members .ledger-chart canvas').waitFor(WAIT)
  await shot(page, 'desk-1366-ledger-province.png')

  // 自报（待核验）is the waiting queue, and the members section says the same figure.
  const [pending] = await ledger
    .locator('#ledger-members .ledger-table__row--link', { hasText: '等待核验' })
    .locator('.ledger-table__num')
    .allInnerTexts()
  expect(await tileFigure(ledger, 'members-reported')).toBe(number(pending ?? ''))

  const stations = await tileFigure(ledger, 'stations')
  expect(stations).toBeGreaterThan(0)
  expect(await listedBehind(page, ledger, 'stations')).toBe(stations)
  await shown(page).getByText('福建省台账', { exact: true }).waitFor(WAIT)
  const covered = await tileFigure(shown(page), 'markets-covered')
  expect(await listedBehind(page, shown(page), 'markets-covered')).toBe(covered)

  // Sorting: 党员自报 largest first, then smallest first; the header shows which.
  const again = shown(page)
  await again.getByText('福建省台账', { exact: true }).waitFor(WAIT)
  const before = await childColumn(again, 0)
  expect(before.length).toBeGreaterThan(1)
  const header = again.locator('#ledger-children .ledger-table__sortable', { hasText: '党员自报' })
  await header.click()
  expect(await childColumn(again, 0)).toEqual(sorted(before, 'desc'))
  await expect(header.getAttribute('class')).resolves.toContain('ledger-table__sorted--desc')
  await expect(header.innerText()).resolves.toContain('▼')
  await header.click()
  expect(await childColumn(again, 0)).toEqual(sorted(before, 'asc'))
  await expect(header.innerText()).resolves.toContain('▲')
  // Another column: 阵地, largest first.
  const places = again.locator('#ledger-children .ledger-table__sortable', { hasText: '阵地' })
  await places.click()
  const placesColumn = await childColumn(again, 3)
  expect(placesColumn).toEqual(sorted(placesColumn, 'desc'))
  await shot(page, 'desk-1366-ledger-sorted.png')

  expect(await headingClashes(again)).toEqual([])
  expect(await overflowingRows(again)).toEqual([])
  await chartBesideTable(again, '#ledger-members')
  await chartBesideTable(again, '#ledger-riders')

  // Down to 福州市, then 鼓楼区; the trail grows, and goes back up a step.
  await again.locator('#ledger-children .ledger-table__row', { hasText: '福州市' }).click()
  const fuzhou = shown(page)
  await fuzhou.getByText('福州市台账', { exact: true }).waitFor(WAIT)
  await expect.poll(() => fuzhou.locator('.ledger-trail').innerText(), WAIT).toBe('福建省 › 福州市')
  await fuzhou.locator('#ledger-children .ledger-table__row', { hasText: '鼓楼区' }).click()
  const gulou = shown(page)
  await gulou.getByText('鼓楼区台账', { exact: true }).waitFor(WAIT)
  await expect
    .poll(() => gulou.locator('.ledger-trail').innerText(), WAIT)
    .toBe('福建省 › 福州市 › 鼓楼区')
  expect(await gulou.locator('.ledger-trail__link').allInnerTexts()).toEqual(['福建省', '福州市'])
  expect(await headingClashes(gulou)).toEqual([])
  await shot(page, 'desk-1366-ledger-drilldown.png')
  await gulou.locator('.ledger-trail__link', { hasText: '福州市' }).click()
  await shown(page).getByText('福州市台账', { exact: true }).waitFor(WAIT)
  await shown(page).locator('.ledger-trail__link', { hasText: '福建省' }).click()
  await shown(page).getByText('福建省台账', { exact: true }).waitFor(WAIT)
})

test('a county at a desk: its trail starts at the county, its figures equal their lists', async () => {
  const page = await signedIn('demo.gulou', DESK)
  const ledger = await openLedger(page, '鼓楼区')
  await ledger.locator('.ledger--desk #ledger-headline').waitFor(WAIT)
  await ledger.locator('#ledger-members .ledger-chart canvas').waitFor(WAIT)
  // Nothing above the account's own county, and nothing to click in the trail.
  expect(await ledger.locator('.ledger-trail').innerText()).toBe('鼓楼区')
  expect(await ledger.locator('.ledger-trail__link').count()).toBe(0)
  // A county has no child regions to compare.
  expect(await ledger.locator('#ledger-children').count()).toBe(0)
  expect(await headingClashes(ledger)).toEqual([])
  await chartBesideTable(ledger, '#ledger-members')
  await shot(page, 'desk-1366-ledger-county.png')
  await ledger.locator('#ledger-riders').evaluate((el) => el.scrollIntoView())
  await shot(page, 'desk-1366-ledger-county-riders.png')

  const stations = await tileFigure(ledger, 'stations')
  expect(stations).toBeGreaterThan(0)
  expect(await listedBehind(page, ledger, 'stations')).toBe(stations)
  await shown(page).getByText('鼓楼区台账', { exact: true }).waitFor(WAIT)
  const covered = await tileFigure(shown(page), 'markets-covered')
  expect(await listedBehind(page, shown(page), 'markets-covered')).toBe(covered)

  // 党员已核验 opens 登记核验 on its 已核验 entries: as many as the tile says.
  await shown(page).getByText('鼓楼区台账', { exact: true }).waitFor(WAIT)
  const verified = await tileFigure(shown(page), 'members-verified')
  expect(verified).toBeGreaterThan(0)
  await shown(page).locator('#ledger-strip-members-verified').click()
  await page.waitForURL(/review\/index\?.*state=verified/, WAIT)
  const queue = shown(page)
  for (;;) {
    const more = queue.getByText('加载更多', { exact: true })
    if (!(await more.isVisible())) break
    await more.click()
    await page.waitForTimeout(500)
  }
  await queue.getByText('已显示全部', { exact: true }).waitFor(WAIT)
  expect(await queue.locator('.review__item').count()).toBe(verified)
})

test('on a phone the ledger keeps its layout: no strip, chart above its table', async () => {
  const page = await signedIn('demo.province', PHONE)
  const ledger = await openLedger(page, '福建省')
  await ledger.locator('#ledger-members .ledger-chart canvas').waitFor(WAIT)
  expect(await ledger.locator('.ledger--desk').count()).toBe(0)
  expect(await ledger.locator('#ledger-headline').count()).toBe(0)
  expect(await ledger.locator('.ledger-trail').count()).toBe(0)
  const chart = await ledger.locator('#ledger-members .ledger-pair__chart').boundingBox()
  const table = await ledger.locator('#ledger-members .ledger-pair__table').boundingBox()
  expect(chart && table && chart.y + chart.height <= table.y + 0.5).toBe(true)
  // The riders' sites table has five columns on 390 px: its headings wrap, never clash.
  expect(await headingClashes(ledger)).toEqual([])
  expect(await overflowingRows(ledger)).toEqual([])
  await shot(page, 'phone-390-ledger.png')
  await ledger
    .locator('.ledger-table__row--head', { hasText: '已建党组织' })
    .evaluate((el) => el.scrollIntoView())
  await shot(page, 'phone-390-ledger-sites.png')
  // The check itself: headings kept on one line, as they were, run together on a phone.
  await page.addStyleTag({
    content: '.ledger-table__row--head .ledger-table__num { white-space: nowrap !important }',
  })
  expect(await headingClashes(ledger)).not.toEqual([])
})

/** At the desk a section's chart sits to the right of its table. */
async function chartBesideTable(ledger: Locator, section: string): Promise<void> {
  const chart = await ledger.locator(`${section} .ledger-chart`).boundingBox()
  const table = await ledger.locator(`${section} .ledger-pair__table .ledger-table`).boundingBox()
  expect(chart).not.toBeNull()
  expect(table).not.toBeNull()
  if (!chart || !table) return
  expect(chart.x).toBeGreaterThanOrEqual(table.x + table.width)
  expect(chart.width).toBeGreaterThan(200)
}
