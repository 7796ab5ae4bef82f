import { chinaDateTime, type LedgerReportSummary, ledgerReportStateNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { basisText } from './basis'

/** 已报送 / 已退回 / 已接收 as a coloured tag. */
export function StateTag({ report }: { report: LedgerReportSummary }) {
  return (
    <Text className={`report-tag report-tag--${report.state}`}>
      {ledgerReportStateNames[report.state]}
    </Text>
  )
}

/** One version: when and by whom sent, why (a correction), and the decision with its note. */
export function VersionLines({ report }: { report: LedgerReportSummary }) {
  return (
    <View className="report-lines">
      <Text className="report-line">
        v{report.version} · {chinaDateTime(report.submittedAt)} 由{report.submittedBy}报送
      </Text>
      <Text className="report-line">{basisText(report)}</Text>
      {report.reason && <Text className="report-line">更正原因：{report.reason}</Text>}
      {report.decidedAt && (
        <Text className="report-line">
          {ledgerReportStateNames[report.state]} · {chinaDateTime(report.decidedAt)}
          {report.decidedBy ? ` · ${report.decidedBy}` : ''}
        </Text>
      )}
      {report.decisionNote && (
        <Text className="report-line report-line--note">意见：{report.decisionNote}</Text>
      )}
    </View>
  )
}
