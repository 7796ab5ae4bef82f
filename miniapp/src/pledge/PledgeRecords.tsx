import {
  chinaDateTime,
  MODEL_STORE_AWARD,
  type PledgeEvaluation,
  type PledgeReport,
  type PledgeVersion,
  periodLabel,
  pledgeVersionStateNames,
  reportOutcomeNames,
} from '@djt/shared'
import { Text, View } from '@tarojs/components'
import InlinePhoto from '../photos/InlinePhoto'
import { stars, versionStateTones } from './labels'
import './pledge.scss'

type Report = Omit<PledgeReport, 'hasPhoto'> & { hasPhoto?: boolean }

/** Reports newest first: what was said, and the bureau's finding and answer once given. */
export function ReportList({
  reports,
  fetchPhoto,
  empty = '暂无举报',
}: {
  reports: readonly Report[]
  /** Staff only: the reporter's photo, opened in place under the report. */
  fetchPhoto?: (id: string) => Promise<string>
  /** What an empty list says: the public page lists answered reports only. */
  empty?: string
}) {
  if (reports.length === 0) return <Text className="text-secondary">{empty}</Text>
  return (
    <View>
      {reports.map((report) => (
        <View key={report.id} className="pledge-record">
          <View className="pledge-record__head">
            <Text
              className={`pledge-record__state pledge-record__state--${report.outcome ?? 'open'}`}
            >
              {report.outcome ? reportOutcomeNames[report.outcome] : '处理中'}
            </Text>
            <Text className="pledge-record__time text-secondary">{chinaDateTime(report.at)}</Text>
          </View>
          <Text className="pledge-record__text">举报：{report.text}</Text>
          {report.hasPhoto && fetchPhoto && (
            <InlinePhoto fetchPhoto={() => fetchPhoto(report.id)} label="查看举报照片" />
          )}
          {report.response && <Text className="pledge-record__reply">答复：{report.response}</Text>}
        </View>
      ))}
    </View>
  )
}

export function RatingList({
  ratings,
}: {
  ratings: readonly { score: number; comment: string | null; at: string }[]
}) {
  if (ratings.length === 0) return null
  return (
    <View>
      {ratings.map((rating) => (
        <View key={`${rating.at}-${rating.score}`} className="pledge-record">
          <View className="pledge-record__head">
            <Text className="pledge-stars">{stars(rating.score)}</Text>
            <Text className="pledge-record__time text-secondary">{chinaDateTime(rating.at)}</Text>
          </View>
          {rating.comment && <Text className="pledge-record__text">{rating.comment}</Text>}
        </View>
      ))}
    </View>
  )
}

export function EvaluationList({ evaluations }: { evaluations: readonly PledgeEvaluation[] }) {
  if (evaluations.length === 0) return <Text className="text-secondary">暂无评价记录</Text>
  return (
    <View>
      {evaluations.map((evaluation) => (
        <View key={evaluation.period} className="pledge-record">
          <View className="pledge-record__head">
            <Text className="pledge-record__title">{periodLabel(evaluation.period)}</Text>
            <Text className="pledge-record__score">{evaluation.score} 分</Text>
          </View>
          {evaluation.award && <Text className="pledge-award">🏅 {MODEL_STORE_AWARD}</Text>}
          {evaluation.note && <Text className="pledge-record__text">{evaluation.note}</Text>}
        </View>
      ))}
    </View>
  )
}

/** Every version newest first, with its state and the staff's comment. */
export function VersionHistory({ versions }: { versions: readonly PledgeVersion[] }) {
  return (
    <View>
      {versions.map((version) => (
        <View key={version.id} className="pledge-record">
          <View className="pledge-record__head">
            <Text className="pledge-record__title">第 {version.number} 版</Text>
            <Text className={`pledge-badge pledge-badge--${versionStateTones[version.state]}`}>
              {pledgeVersionStateNames[version.state]}
            </Text>
          </View>
          <Text className="pledge-record__time text-secondary">
            提交于 {chinaDateTime(version.submittedAt)}
            {version.decidedAt ? `，审核于 ${chinaDateTime(version.decidedAt)}` : ''}
          </Text>
          {version.comment && (
            <Text className="pledge-record__reply">审核意见：{version.comment}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
