import type { LedgerReportSummary } from '@djt/shared'
import { periodEnded, periodEndText, periodLabel } from '@djt/shared'

/** Which figures a report carries, in the clerk's words. */
export function basisText(report: Pick<LedgerReportSummary, 'basis' | 'period'>): string {
  return report.basis === 'period_end'
    ? `按期末数据（${periodEndText(report.period)}后自动冻结）`
    : '按报送时数据'
}

/**
 * What 冻结并报送 will send: the first report of an ended period carries the figures the
 * server froze at its end (the live ones if it has none); a correction, today's.
 */
export function submitIntro(regionName: string, period: string, correction: boolean, now: Date) {
  const label = periodLabel(period)
  const after = '报送后不能修改，如有错误可再报送更正版本。'
  if (correction) return `更正版本按${regionName}此刻的台账报送，作为${label}报告的新版本；${after}`
  if (!periodEnded(period, now))
    return `将冻结${regionName}此刻的台账，作为${label}报告报送上级；${after}`
  return `将按${periodEndText(period)}期末自动冻结的${regionName}台账报送${label}报告（系统未冻结期末数据时按此刻台账）；${after}`
}
