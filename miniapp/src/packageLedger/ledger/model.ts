import type { LedgerReportSummary, StaffLevel } from '@djt/shared'
import { periodLabel } from '@djt/shared'

/** A share as a percentage with one decimal (0.4567 → 45.7%); — when there is nothing to divide. */
export function percentText(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** Part of a whole as a percentage; — for an empty whole. */
export function shareText(part: number, whole: number): string {
  return whole > 0 ? percentText(part / whole) : '—'
}

/** 4.25 → 4.3; — when nobody rated. */
export function ratingText(rating: number | null): string {
  return rating === null ? '—' : rating.toFixed(1)
}

/** `oldestDays` as words: 最久 12 天, 今天, or nothing waiting. */
export function waitingText(oldestDays: number | null): string {
  if (oldestDays === null) return '无'
  const days = Math.floor(oldestDays)
  return days < 1 ? '不足1天' : `${days}天`
}

/**
 * Bar widths in percent of the largest value across every series, so bars of one chart
 * compare; a non-zero value keeps a sliver (2%) so it does not read as zero.
 */
export function barWidths(values: readonly number[], max = Math.max(0, ...values)): number[] {
  return values.map((value) => {
    if (max <= 0 || value <= 0) return 0
    return Math.max(2, Math.round((value / max) * 1000) / 10)
  })
}

export type LedgerLevel = 'province' | 'city' | 'county'
const parentLevel: Record<LedgerLevel, LedgerLevel | null> = {
  county: 'city',
  city: 'province',
  province: null,
}

/** County and city staff freeze and send their own ledger up; the province has nobody above. */
export const canSubmitReport = (level: StaffLevel) => level === 'county' || level === 'city'

/** Accept or return: staff of the level directly above, on an undecided newest version. */
export function canDecideReport(
  level: StaffLevel,
  report: LedgerReportSummary,
  newest: boolean,
): boolean {
  return newest && report.state === 'submitted' && parentLevel[report.region.level] === level
}

/** The newest version of each region's report, in the list's order (newest period first). */
export function newestByRegion(reports: readonly LedgerReportSummary[]): LedgerReportSummary[] {
  const newest = new Map<string, LedgerReportSummary>()
  for (const report of reports) {
    const key = `${report.region.code}|${report.period}`
    const seen = newest.get(key)
    if (!seen || report.version > seen.version) newest.set(key, report)
  }
  return [...newest.values()]
}

/** All versions of one region's report for one period, v1 first. */
export function versionsOf(
  reports: readonly LedgerReportSummary[],
  regionCode: string,
  period: string,
): LedgerReportSummary[] {
  return reports
    .filter((r) => r.region.code === regionCode && r.period === period)
    .sort((a, b) => a.version - b.version)
}

/** 台账_鼓楼区_2026年上半年_v2: the export's file name, without the extension. */
export function exportName(regionName: string, period?: string, version?: number): string {
  const parts = ['台账', regionName]
  if (period) parts.push(periodLabel(period))
  if (version) parts.push(`v${version}`)
  return parts.join('_')
}
