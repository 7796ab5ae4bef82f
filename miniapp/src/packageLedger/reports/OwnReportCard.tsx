import type { LedgerReportSummary } from '@djt/shared'
import { periodLabel } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ApiError } from '../../services/http'
import { submitReport } from '../../services/ledgers'
import { submitIntro } from './basis'
import NoteSheet from './NoteSheet'
import { StateTag, VersionLines } from './ReportState'

interface Props {
  regionName: string
  period: string
  newest: LedgerReportSummary | undefined
  onOpen: (id: string) => void
  onChanged: () => void
}

/** 本级报告: my region's newest version for the period, and 冻结并报送 (a correction after v1). */
export default function OwnReportCard({ regionName, period, newest, onOpen, onChanged }: Props) {
  const [asking, setAsking] = useState(false)
  const correction = newest !== undefined
  const submit = async (reason: string) => {
    try {
      await submitReport(period, correction ? reason : undefined)
      setAsking(false)
      onChanged()
      return null
    } catch (error) {
      if (!(error instanceof ApiError)) return '报送失败，请稍后重试'
      return error.fieldMessage('body.reason') ?? error.message
    }
  }
  return (
    <View className="card report-own" id="report-own">
      <Text className="card__title">本级报告 · {periodLabel(period)}</Text>
      {newest ? (
        <View
          className="report-row"
          hoverClass="report-row--pressed"
          onClick={() => onOpen(newest.id)}
        >
          <View className="report-row__body">
            <Text className="report-row__name">{regionName}</Text>
            <VersionLines report={newest} />
          </View>
          <StateTag report={newest} />
        </View>
      ) : (
        <Text className="text-secondary">本期尚未报送。</Text>
      )}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        onClick={() => setAsking(true)}
      >
        冻结并报送
      </Button>
      {asking && (
        <NoteSheet
          title={correction ? '报送更正版本' : '冻结并报送'}
          intro={submitIntro(regionName, period, correction, new Date())}
          note={
            correction
              ? { label: '更正原因', placeholder: '如：补录了两个市场的摊位数', required: true }
              : undefined
          }
          confirm="确认报送"
          onConfirm={submit}
          onClose={() => setAsking(false)}
        />
      )}
    </View>
  )
}
