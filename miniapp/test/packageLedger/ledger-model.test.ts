import type { LedgerReportSummary } from '@djt/shared'
import { chinaDateTime, evaluablePeriods, periodLabel } from '@djt/shared'
import { describe, expect, test } from 'vitest'
import {
  barWidths,
  canDecideReport,
  canSubmitReport,
  exportName,
  newestByRegion,
  percentText,
  shareText,
  versionsOf,
  waitingText,
} from '../../src/packageLedger/ledger/model'

function report(over: Partial<LedgerReportSummary> & { code?: string; level?: 'county' | 'city' }) {
  const { code = '350102', level = 'county', ...rest } = over
  return {
    id: crypto.randomUUID(),
    region: { code, name: code, level },
    period: '2026-H1',
    version: 1,
    state: 'submitted',
    reason: null,
    basis: 'live',
    submittedAt: '2026-06-30T02:00:00.000Z',
    submittedBy: '演示·鼓楼区局',
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    ...rest,
  } satisfies LedgerReportSummary
}

describe('report periods', () => {
  test('are this half-year and the previous one, labelled in Chinese', () => {
    expect(evaluablePeriods(new Date('2026-03-01T00:00:00Z'))).toEqual(['2026-H1', '2025-H2'])
    expect(evaluablePeriods(new Date('2026-08-01T00:00:00Z'))).toEqual(['2026-H2', '2026-H1'])
    expect(periodLabel('2026-H1')).toBe('2026年上半年')
    expect(periodLabel('2026-H2')).toBe('2026年下半年')
  })

  test('turn at midnight Beijing time, not UTC', () => {
    expect(evaluablePeriods(new Date('2026-06-30T16:30:00Z'))[0]).toBe('2026-H2')
    expect(evaluablePeriods(new Date('2026-06-30T15:30:00Z'))[0]).toBe('2026-H1')
  })
})

describe('figures', () => {
  test('rates read as percentages with one decimal, — when there is nothing to divide', () => {
    expect(percentText(0.4567)).toBe('45.7%')
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(0)).toBe('0.0%')
    expect(percentText(null)).toBe('—')
    expect(shareText(1, 3)).toBe('33.3%')
    expect(shareText(0, 0)).toBe('—')
  })

  test('as-of times are Beijing time whatever the zone of the phone', () => {
    expect(chinaDateTime('2026-07-01T02:05:00.000Z')).toBe('2026-07-01 10:05')
    expect(chinaDateTime('2026-06-30T16:00:00.000Z')).toBe('2026-07-01 00:00')
  })

  test('the oldest pending entry waits in whole days', () => {
    expect(waitingText(null)).toBe('无')
    expect(waitingText(0.4)).toBe('不足1天')
    expect(waitingText(12.9)).toBe('12天')
  })

  test('bars are sized against the largest value, small ones keep a sliver, zero none', () => {
    expect(barWidths([10, 5, 0])).toEqual([100, 50, 0])
    expect(barWidths([1000, 1])).toEqual([100, 2])
    expect(barWidths([0, 0])).toEqual([0, 0])
    // Two series of one chart share the largest value.
    expect(barWidths([3, 6], 12)).toEqual([25, 50])
  })

  test('export file names say the region, period and version', () => {
    expect(exportName('鼓楼区')).toBe('台账_鼓楼区')
    expect(exportName('鼓楼区', '2026-H1', 2)).toBe('台账_鼓楼区_2026年上半年_v2')
  })
})

describe('who may do what with a report', () => {
  test('county and city staff send their own; the province and a station do not', () => {
    expect(canSubmitReport('county')).toBe(true)
    expect(canSubmitReport('city')).toBe(true)
    expect(canSubmitReport('province')).toBe(false)
    expect(canSubmitReport('station')).toBe(false)
  })

  test('only the level directly above decides, on the newest undecided version', () => {
    const county = report({})
    const city = report({ code: '350100', level: 'city' })
    expect(canDecideReport('city', county, true)).toBe(true)
    expect(canDecideReport('province', county, true)).toBe(false)
    expect(canDecideReport('county', county, true)).toBe(false)
    expect(canDecideReport('province', city, true)).toBe(true)
    expect(canDecideReport('city', city, true)).toBe(false)
    expect(canDecideReport('city', county, false)).toBe(false)
    expect(canDecideReport('city', { ...county, state: 'accepted' }, true)).toBe(false)
    expect(canDecideReport('city', { ...county, state: 'returned' }, true)).toBe(false)
  })
})

describe('versions', () => {
  const v1 = report({ state: 'returned', decisionNote: '摊位数不符' })
  const v2 = report({ version: 2, reason: '补录摊位' })
  const other = report({ code: '350103' })
  const lastHalf = report({ period: '2025-H2', version: 3 })

  test('the newest version stands for each region and period', () => {
    expect(newestByRegion([v2, v1, other, lastHalf])).toEqual([v2, other, lastHalf])
    expect(newestByRegion([v1, v2])).toEqual([v2])
  })

  test('a report lists every version of its region and period, v1 first', () => {
    expect(versionsOf([v2, other, v1, lastHalf], '350102', '2026-H1')).toEqual([v1, v2])
  })
})
