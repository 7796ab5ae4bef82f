import {
  chinaDateTime,
  type SupervisionEvent,
  type SupervisionReport,
  supervisionCategoryNames,
  supervisionOutcomeNames,
} from '@djt/shared'

/** Where a report stands, as its rider and the clerk read it. */
export function reportStateText(report: SupervisionReport): string {
  if (report.state === 'open') return '待核查'
  if (report.outcome === 'referred')
    return `已转办${report.referredTo ? `：${report.referredTo}` : ''}`
  return report.outcome ? supervisionOutcomeNames[report.outcome] : '已办结'
}

export function reportHeadline(report: SupervisionReport): string {
  return `${supervisionCategoryNames[report.category]} · ${report.merchant.name}`
}

export function merchantText(report: SupervisionReport): string {
  const code = report.merchant.creditCode ? ` · 信用代码 ${report.merchant.creditCode}` : ''
  return `${report.merchant.address}（${report.regionName}）${code}`
}

/** One line of what happened, oldest first. */
export function reportEventText(event: SupervisionEvent): string {
  const at = chinaDateTime(event.at)
  switch (event.kind) {
    case 'reported':
      return `${at} 提交`
    case 'forward':
      return `${at} 转${event.regionName ?? '其他区县'}核查：${event.text ?? ''}`
    case 'close':
      return `${at} 核查结果：${event.text ?? ''}`
  }
}
