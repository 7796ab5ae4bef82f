import { Button, View } from '@tarojs/components'
import { useMutation } from '../../hooks/useMutation'
import type { ExportFormat } from '../../services/ledgers'

/** 导出 Excel / 导出 CSV: one at a time, a failure said in a toast. */
export default function ExportBar({
  onExport,
}: {
  onExport: (format: ExportFormat) => Promise<void>
}) {
  const exporting = useMutation<ExportFormat>({
    failure: 'toast',
    fallback: '导出失败，请稍后重试',
  })
  const busy = exporting.running
  const run = (format: ExportFormat) => () => exporting.run(() => onExport(format), format)
  return (
    <View className="ledger-export">
      <Button className="btn ledger-export__btn" hoverClass="btn--pressed" onClick={run('xlsx')}>
        {busy === 'xlsx' ? '正在导出…' : '导出 Excel'}
      </Button>
      <Button className="btn ledger-export__btn" hoverClass="btn--pressed" onClick={run('csv')}>
        {busy === 'csv' ? '正在导出…' : '导出 CSV'}
      </Button>
    </View>
  )
}
