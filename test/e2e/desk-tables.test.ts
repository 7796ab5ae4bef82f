import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { apiCaller, DEMO_PASSWORD, registerRider, signedInStaff } from './accounts.ts'
import { launchChromium, screenshotDir, serverAndBrowserPerFile } from './harness.ts'

// At a desk a staff list is a table: sorted and filtered by column over the whole list,
// rows ticked for a bulk decision, and its count the number of rows it holds. On a phone
// the same page keeps its cards.

const running = serverAndBrowserPerFile()
const WAIT = { timeout: 15_000 }
const DESK = { width: 1366, height: 900 }
const PHONE = { width: 390, height: 844 }
const RIDERS = 5
const CHECKINS = '/packageStaff/pages/checkins/index'

let chromium: Browser
beforeAll(async () => {
  chromium = await launchChromium()
  await checkInRiders(running.server().url)
  await reportAPublicPledge(running.server().url)
})
afterAll(async () => {
  await chromium?.close()
})

interface Listed {
  items: { id: string; name: string; status: string }[]
}

/** Riders register, 鼓楼区 verifies them, and each asks to 报到 at one of its branches. */
async function checkInRiders(serverUrl: string): Promise<void> {
  const call = apiCaller(serverUrl)
  const { accessToken: staff } = await call<{ accessToken: string }>('/auth/staff', null, {
    username: 'demo.gulou',
    password: DEMO_PASSWORD,
  })
  const places = await call<Listed>('/staff/places?kinds=flow_branch&limit=50', staff)
  const branch = places.items.find((place) => place.status === 'open')
  if (!branch) throw new Error('鼓楼区 has no open branch in the demo data')
  for (let n = 0; n < RIDERS; n++) {
    const rider = await registerRider(serverUrl, { label: '表格', n, birth: '19880202' })
    const queue = await call<Listed>('/review/memberships?state=all&limit=100', staff)
    const entry = queue.items.find((item) => item.name === rider.name)
    if (!entry) throw new Error(`${rider.name} is not in the queue`)
    const { version } = await call<{ version: number }>(`/review/memberships/${entry.id}`, staff)
    await call(`/review/memberships/${entry.id}/decision`, staff, { decision: 'verify', version })
    await call(`/places/${branch.id}/checkins`, rider.accessToken, { note: `第${n}位` })
  }
}

/** A customer reports one of 鼓楼区's public pledges, so 群众举报 has a row to open. */
async function reportAPublicPledge(serverUrl: string): Promise<void> {
  const call = apiCaller(serverUrl)
  const { accessToken: staff } = await call<{ accessToken: string }>('/auth/staff', null, {
    username: 'demo.gulou',
    password: DEMO_PASSWORD,
  })
  const active = await call<{ items: { pledgeId: string }[] }>(
    '/review/pledges?state=approved&status=active',
    staff,
  )
  const first = active.items[0]
  if (!first) throw new Error('鼓楼区 has no public pledge in the demo data')
  const { code } = await call<{ code: string }>(`/review/pledges/${first.pledgeId}`, staff)
  const { deviceToken } = await call<{ deviceToken: string }>('/public/devices', null, {})
  const res = await fetch(`${serverUrl}/api/v1/public/pledges/${code}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-device-id': deviceToken },
    body: JSON.stringify({ text: '价格牌与实际收费不一致' }),
  })
  if (res.status !== 201) throw new Error(`report: ${res.status} ${await res.text()}`)
}

const signedIn = (viewport: { width: number; height: number }) =>
  signedInStaff(chromium, running.server().url, viewport)

/** The 姓名 column: second after the tick boxes of the pending list, first in the history. */
const names = (page: Page, column = 2) =>
  page.locator(`.taro_page:visible .dtable__table tbody tr td:nth-child(${column})`).allInnerTexts()

test('at the desk 报到审核 is a table: sort, filter, tick and approve in bulk', async () => {
  const page = await signedIn(DESK)
  await page.goto(`${running.server().url}/#${CHECKINS}`, { waitUntil: 'domcontentloaded' })
  const shown = page.locator('.taro_page:visible')
  const table = shown.locator('.dtable__table')
  await table.waitFor(WAIT)
  await expect.poll(() => names(page), WAIT).toHaveLength(RIDERS)
  expect(await shown.locator('.dtable__count').innerText()).toBe(`共 ${RIDERS} 条`)
  // The menu's figure is the table's length.
  await expect
    .poll(() => shown.locator('.desk__item--current .desk__count').innerText(), WAIT)
    .toBe(String(RIDERS))

  // 姓名 descending, then ascending: the order a clerk expects, by pinyin for Chinese.
  const sortBy = shown.locator('th button', { hasText: '姓名' })
  await sortBy.click()
  const ascending = await names(page)
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')))
  await sortBy.click()
  expect(await names(page)).toEqual([...ascending].reverse())
  expect(await shown.locator('th[aria-sort="descending"]').innerText()).toContain('姓名')

  // A column filter narrows the rows and says so.
  await shown.locator('input[aria-label="按姓名筛选"]').fill('03')
  await expect.poll(() => names(page)).toEqual(['表格测试03号'])
  expect(await shown.locator('.dtable__count').innerText()).toBe(`筛选出 1 条（共 ${RIDERS} 条）`)
  await shown.locator('input[aria-label="按姓名筛选"]').fill('')
  await expect.poll(() => names(page)).toHaveLength(RIDERS)

  // Tick two, approve both with one confirmation.
  const rows = table.locator('tbody tr')
  await rows.nth(0).locator('input[type="checkbox"]').check()
  await rows.nth(1).locator('input[type="checkbox"]').check()
  const chosen = [
    await rows.nth(0).locator('td').nth(1).innerText(),
    await rows.nth(1).locator('td').nth(1).innerText(),
  ]
  expect(await shown.locator('.dtable__bulk').innerText()).toContain('已选 2 条')
  await page.screenshot({ path: path.join(screenshotDir, 'desk-1366-checkins-table.png') })
  await shown.locator('.dtable__bulk-action', { hasText: '批量同意' }).click()
  const modal = page.locator('.taro__modal')
  await modal.getByText('同意这 2 人报到', { exact: false }).waitFor(WAIT)
  await modal.locator('.taro-model__confirm').click()
  await expect.poll(() => names(page), WAIT).toHaveLength(RIDERS - 2)
  for (const name of chosen) expect(await names(page)).not.toContain(name)
  expect(await shown.locator('.dtable__count').innerText()).toBe(`共 ${RIDERS - 2} 条`)
  await expect
    .poll(() => shown.locator('.desk__item--current .desk__count').innerText(), WAIT)
    .toBe(String(RIDERS - 2))

  // The history lists them, with the time they were decided.
  await shown.locator('.tab', { hasText: '已同意' }).click()
  await expect.poll(() => names(page, 1), WAIT).toEqual(expect.arrayContaining(chosen))
  expect(await shown.locator('th', { hasText: '处理时间' }).count()).toBe(1)
})

test('the same page on a phone keeps its cards and says how many there are', async () => {
  const page = await signedIn(PHONE)
  await page.goto(`${running.server().url}/#${CHECKINS}`, { waitUntil: 'domcontentloaded' })
  const shown = page.locator('.taro_page:visible')
  await shown.locator('.checkins__name').first().waitFor(WAIT)
  expect(await shown.locator('.dtable__table').count()).toBe(0)
  const cards = await shown.locator('.checkins__name').count()
  expect(await shown.locator('.paged-cards__foot').innerText()).toContain(`共 ${cards} 条`)
  await page.screenshot({ path: path.join(screenshotDir, 'phone-390-checkins.png') })
})

test('承诺审核 and 群众举报 are tables at the desk, their counts their rows', async () => {
  const page = await signedIn(DESK)
  for (const [name, tab] of [
    ['pledges', '公示中'],
    ['pledge-reports', '待处理'],
  ] as const) {
    await page.goto(`${running.server().url}/#/packageStaff/pages/${name}/index`, {
      waitUntil: 'domcontentloaded',
    })
    const shown = page.locator('.taro_page:visible')
    await shown.locator('.tab', { hasText: tab }).click()
    const count = shown.locator('.dtable__count')
    await count.waitFor(WAIT)
    const rows = shown.locator('.dtable__table tbody tr:not(:has(.dtable__notice))')
    await rows.first().waitFor(WAIT)
    expect(await count.innerText()).toBe(`共 ${await rows.count()} 条`)
    await page.screenshot({ path: path.join(screenshotDir, `desk-1366-${name}-table.png`) })

    // A row opens its pledge beside the table, marked; Esc puts the table back alone.
    const first = rows.first()
    const who = (await first.locator('td').first().innerText()).split(' · ')[0] ?? ''
    await first.click()
    const beside = shown.locator('.desk-split__detail')
    await beside.locator('.pledge-detail__name', { hasText: who }).waitFor(WAIT)
    expect(await first.getAttribute('aria-current')).toBe('true')
    expect(await shown.locator('.dtable__table').isVisible()).toBe(true)
    await page.screenshot({ path: path.join(screenshotDir, `desk-1366-${name}-beside.png`) })
    await page.keyboard.press('Escape')
    await beside.waitFor({ state: 'detached', ...WAIT })
    expect(await first.getAttribute('aria-current')).toBeNull()
  }
})

test('本级工作 and 名录导入 keep their short lists as tables at the desk', async () => {
  const page = await signedIn(DESK)
  const call = apiCaller(running.server().url)
  const { accessToken: staff } = await call<{ accessToken: string }>('/auth/staff', null, {
    username: 'demo.gulou',
    password: DEMO_PASSWORD,
  })
  const year = Number(
    new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4),
  )
  for (const [title, attendees] of [
    ['桌面测试乙班', 12],
    ['桌面测试甲班', 40],
  ] as const) {
    await call('/work/training-sessions', staff, {
      heldOn: `${year}-01-0${attendees > 20 ? 2 : 3}`,
      title,
      attendees,
    })
  }
  await page.goto(`${running.server().url}/#/packageStaff/pages/work/index`, {
    waitUntil: 'domcontentloaded',
  })
  const shown = page.locator('.taro_page:visible')
  const training = shown.locator(`.dtable__table[aria-label="${year}年培训班"]`)
  await training.waitFor(WAIT)
  const titles = () => training.locator('tbody tr td:nth-child(2)').allInnerTexts()
  await expect.poll(titles, WAIT).toEqual(expect.arrayContaining(['桌面测试甲班', '桌面测试乙班']))
  const counted = await training.locator('tbody tr').count()
  const foot = shown
    .locator('.dtable', { has: page.locator(`table[aria-label="${year}年培训班"]`) })
    .locator('.dtable__count')
  expect(await foot.innerText()).toBe(`共 ${counted} 条`)
  // 培训人数 sorts as a number, not as text (40 after 12).
  await training.locator('th button', { hasText: '培训人数' }).click()
  const people = (await training.locator('tbody tr td:nth-child(3)').allInnerTexts()).map((text) =>
    Number.parseInt(text, 10),
  )
  expect(people).toEqual([...people].sort((a, b) => a - b))
  await shown.locator('.dtable__table[aria-label="挂钩联系"]').waitFor(WAIT)
  await page.screenshot({ path: path.join(screenshotDir, 'desk-1366-work-tables.png') })

  await page.goto(`${running.server().url}/#/packageStaff/pages/import/index`, {
    waitUntil: 'domcontentloaded',
  })
  const history = page.locator('.taro_page:visible .dtable__table[aria-label="导入记录"]')
  await history.waitFor(WAIT)
  const imports = await call<{ items: unknown[] }>('/registers/imports', staff)
  const rows = history.locator('tbody tr:not(:has(.dtable__notice))')
  await expect.poll(() => rows.count(), WAIT).toBe(imports.items.length)
  expect(imports.items.length).toBeGreaterThan(0)
})
