import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '../../services/http'
import type { ExportFormat } from '../../services/ledgers'

/** 导出 Excel / 导出 CSV: one at a time, a failure said in a toast. */
export default function ExportBar({
  onExport,
}: {
  onExport: (format: ExportFormat) => Promise<void>
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const run = (format: ExportFormat) => async () => {
    if (busy) return
    setBusy(format)
    try {
      await onExport(format)
    } catch (error) {
      const title = error instanceof ApiError ? error.message : '导出失败，请稍后重试'
      void Taro.showToast({ title, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }
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
