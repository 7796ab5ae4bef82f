import { Text, View } from '@tarojs/components'
import type { PlaceImportReport } from '../../services/places'
import { Count } from '../imports/ImportReport'
import { crsNames, importColumnName } from './import-labels'

/** Rows read, accepted and rejected; each rejected row and each duplicate left out. */
export default function PlaceImportResult({ report }: { report: PlaceImportReport }) {
  return (
    <View className="card import__report">
      <Text className="card__title">导入结果</Text>
      <Text className="text-secondary">
        {report.fileName} · {crsNames[report.crs]}
      </Text>
      <View className="import__counts">
        <Count label="读取" value={report.rowsRead} />
        <Count label="导入" value={report.rowsAccepted} />
        <Count label="拒收" value={report.rowsRejected} danger={report.rowsRejected > 0} />
        <Count
          label="重复"
          value={report.duplicates.length}
          danger={report.duplicates.length > 0}
        />
      </View>
      {report.rejected.length > 0 && (
        <View>
          <Text className="import__subtitle">拒收的行</Text>
          {report.rejected.map((row) => (
            <Text key={`${row.line}-${row.field ?? ''}`} className="import__reject">
              第 {row.line} 行 · {importColumnName(row.field)}：{row.reason}
            </Text>
          ))}
        </View>
      )}
      {report.duplicates.length > 0 && (
        <View>
          <Text className="import__subtitle">疑似重复（30米内同名，未导入）</Text>
          {report.duplicates.map((row) => (
            <Text key={`${row.line}-${row.name}`} className="import__reject">
              第 {row.line} 行 · {row.name}：与「{row.existing}」重复
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
