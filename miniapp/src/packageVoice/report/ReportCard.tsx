import type { SupervisionReport } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { merchantText, reportEventText, reportHeadline, reportStateText } from './summary'

/** One report with what the bureau recorded; `children` for the reader's own actions. */
export default function ReportCard({
  report,
  children,
}: {
  report: SupervisionReport
  children?: ReactNode
}) {
  return (
    <View className="card voice-card">
      <Text className="voice-card__title">{reportHeadline(report)}</Text>
      <Text className="voice-card__state">{reportStateText(report)}</Text>
      <Text className="voice-card__line text-secondary">{merchantText(report)}</Text>
      <Text className="voice-card__text">{report.text}</Text>
      <View className="voice-card__events">
        {report.events.map((event) => (
          <Text key={`${event.kind}-${event.at}`} className="voice-card__event">
            {reportEventText(event)}
          </Text>
        ))}
      </View>
      {children}
    </View>
  )
}
