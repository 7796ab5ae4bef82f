import { type Ledger, ledgerLinks } from '@djt/shared'
import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import LedgerSections from '../../src/packageLedger/ledger/LedgerSections'
import { figureOpener, linkUrl } from '../../src/packageLedger/ledger/links'
import { ledgerPages, staffPages, voicePages } from '../../src/routes'
import { countyLedger } from '../ledger-fixtures'

describe('a ledger figure opens the list the server named', () => {
  test('the list’s page with the link’s query as given', () => {
    expect(linkUrl({ list: 'memberships', query: { region: '350102', state: 'waiting' } })).toBe(
      `${staffPages.review}?region=350102&state=waiting`,
    )
    expect(linkUrl({ list: 'markets', query: { region: '350100', organised: 'yes' } })).toBe(
      `${ledgerPages.records}?type=markets&region=350100&organised=yes`,
    )
    expect(linkUrl({ list: 'trainingSessions', query: { region: '350000', year: 2026 } })).toBe(
      `${staffPages.work}?region=350000&year=2026`,
    )
  })

  test('a figure without a link opens nothing', () => {
    const open = figureOpener({}, () => undefined)
    expect(open('members.pending.count')).toBeUndefined()
    expect(figureOpener(undefined, () => undefined)('care.total')).toBeUndefined()
  })

  test('every link of a live ledger is a row, and each row opens its own link', () => {
    const base = countyLedger()
    const ledger: Ledger = { ...base, links: ledgerLinks(base) }
    const opened: string[] = []
    render(
      <LedgerSections ledger={ledger} open={figureOpener(ledger.links, (u) => opened.push(u))} />,
    )
    const rows = [...document.querySelectorAll('.ledger-table__row--link')]
    for (const row of rows) fireEvent.click(row)

    const urls = Object.values(ledger.links ?? {}).map(linkUrl)
    expect(urls.length).toBeGreaterThan(15)
    expect(new Set(opened)).toEqual(new Set(urls))
    // 明细 repeats two figures (markets, stations); every other row is one figure.
    expect(rows.length).toBe(urls.length + 2)
  })

  test('组织生活: each figure and each kind held opens its list; a kind not held is no row', () => {
    const base = countyLedger()
    const ledger: Ledger = { ...base, links: ledgerLinks(base) }
    const opened: string[] = []
    render(
      <LedgerSections ledger={ledger} open={figureOpener(ledger.links, (u) => opened.push(u))} />,
    )
    const section = document.querySelector('#ledger-activities')
    const rows = [...(section?.querySelectorAll('.ledger-table__row--link') ?? [])]
    expect(rows.map((row) => row.textContent)).toEqual([
      '活动（场） ›3',
      '报名（人次） ›40',
      '签到参加（人次） ›35',
      '参加活动的党员（人） ›33',
      '主题党日（场） ›2',
      '　报名（人次） ›8',
      '　签到参加（人次） ›4',
      '培训班（场） ›1',
      '　报名（人次） ›32',
      '　签到参加（人次） ›31',
    ])
    for (const row of rows) fireEvent.click(row)
    expect(opened).toContain(
      `${ledgerPages.records}?type=activityPeople&region=350102&year=2026&what=attendances`,
    )
    expect(opened).toContain(
      `${ledgerPages.records}?type=activities&region=350102&year=2026&kind=training`,
    )
    expect(section?.textContent).not.toContain('党课')
  })

  test('监督共治: reports and upheld ones each open the staff list of that year', () => {
    const base = countyLedger()
    const ledger: Ledger = { ...base, links: ledgerLinks(base) }
    const opened: string[] = []
    render(
      <LedgerSections ledger={ledger} open={figureOpener(ledger.links, (u) => opened.push(u))} />,
    )
    const section = document.querySelector('#ledger-supervision')
    const rows = [...(section?.querySelectorAll('.ledger-table__row--link') ?? [])]
    expect(rows.map((row) => row.textContent)).toEqual([
      '骑手监督报告（条） ›4',
      '已核查属实并处理（条） ›1',
    ])
    for (const row of rows) fireEvent.click(row)
    expect(opened).toEqual([
      `${voicePages.staffReports}?region=350102&year=2026`,
      `${voicePages.staffReports}?region=350102&year=2026&outcome=upheld`,
    ])
  })

  test('sums, and counts no list holds, are not links', () => {
    const base = countyLedger()
    const ledger: Ledger = { ...base, links: ledgerLinks(base) }
    render(<LedgerSections ledger={ledger} open={figureOpener(ledger.links, () => undefined)} />)
    const row = (label: string) =>
      screen.getByText(label, { exact: false }).closest('.ledger-table__row')
    for (const label of [
      '摊位（经营户）',
      '党员经营户',
      '市场内经营户',
      '挂钩联系人',
      '党员诚信示范店',
    ])
      expect(row(label)?.className).not.toContain('ledger-table__row--link')
    expect(row('公示中的承诺')?.className).toContain('ledger-table__row--link')
  })

  test('a frozen report opens nothing', () => {
    render(<LedgerSections ledger={countyLedger()} />)
    expect(document.querySelectorAll('.ledger-table__row--link')).toHaveLength(0)
  })
})
