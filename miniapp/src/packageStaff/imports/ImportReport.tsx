import { type RegisterKind, registerColumns, registerKindNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { RegisterImportReport } from '../../services/registers'

/** The column header a rejected field has in the file the clerk sent. */
export function columnName(kind: RegisterKind, field: string | null): string {
  if (!field) return '整行'
  return registerColumns[kind][field] ?? field
}

interface Props {
  report: RegisterImportReport
  onDownloadRejects: () => void
}

/** Rows read, accepted and rejected, and the first rejected rows with line, column and reason. */
export default function ImportReport({ report, onDownloadRejects }: Props) {
  return (
    <View className="card import__report">
      <Text className="card__title">导入结果：{registerKindNames[report.kind]}</Text>
      <Text className="text-secondary">{report.fileName}</Text>
      <View className="import__counts">
        <Count label="读取" value={report.rowsRead} />
        <Count label="接受" value={report.rowsAccepted} />
        <Count label="拒收" value={report.rowsRejected} danger={report.rowsRejected > 0} />
      </View>
      {report.evidenceRecomputed > 0 && (
        <Text className="text-secondary">
          已重新比对 {report.evidenceRecomputed} 条待核验登记。
        </Text>
      )}
      {report.rejected.length > 0 && (
        <View className="import__rejects">
          <Text className="import__subtitle">拒收的行（前 {report.rejected.length} 条）</Text>
          {report.rejected.map((row) => (
            <Text key={`${row.line}-${row.field ?? ''}`} className="import__reject">
              第 {row.line} 行 · {columnName(report.kind, row.field)}：{row.reason}
            </Text>
          ))}
        </View>
      )}
      {report.rowsRejected > 0 && (
        <Text className="link import__download" onClick={onDownloadRejects}>
          下载拒收报告
        </Text>
      )}
    </View>
  )
}

/** One figure of an import report (rows read, accepted, rejected …). */
export function Count({
  label,
  value,
  danger,
}: {
  label: string
  value: number
  danger?: boolean
}) {
  return (
    <View className="import__count">
      <Text className={`import__count-value${danger ? ' import__count-value--danger' : ''}`}>
        {value}
      </Text>
      <Text className="text-secondary">{label}</Text>
    </View>
  )
}
