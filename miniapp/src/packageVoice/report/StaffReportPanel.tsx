import { SupervisionOutcomeRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ReasonSheet from '../../components/ReasonSheet'
import RegionField from '../../components/RegionField'
import SelectField, { optionsOf } from '../../components/SelectField'
import { PageNotice } from '../../components/StaffOnly'
import TextField from '../../components/TextField'
import { useMutation } from '../../hooks/useMutation'
import { missingParameter, useRemote } from '../../hooks/useRemote'
import InlinePhoto from '../../photos/InlinePhoto'
import {
  fetchStaffSupervisionReport,
  fetchSupervisionPhoto,
  recordSupervisionOutcome,
  type StaffSupervisionReport,
} from '../../services/supervision'
import {
  isOutcomeChoice,
  type OutcomeChoice,
  outcomeChoiceNames,
  outcomeNoteLabel,
  outcomeRequestOf,
} from './outcome-model'
import ReportCard from './ReportCard'

interface Props {
  id: string | undefined
  /** Told after the outcome changed the report (the list beside it loads again). */
  onChanged?: (report: StaffSupervisionReport) => void
}

/** One 监督共治 report for staff: as its own page, or beside the list at the desk. */
export default function StaffReportPanel({ id, onChanged }: Props) {
  const { state, reload, replace } = useRemote(() =>
    id ? fetchStaffSupervisionReport(id) : missingParameter('缺少报告编号'),
  )
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <StaffReportView
      report={state.value}
      onChanged={(report) => {
        replace(report)
        onChanged?.(report)
      }}
    />
  )
}

function StaffReportView({
  report,
  onChanged,
}: {
  report: StaffSupervisionReport
  onChanged: (report: StaffSupervisionReport) => void
}) {
  const [asking, setAsking] = useState(false)
  const [choice, setChoice] = useState<OutcomeChoice | ''>('')
  const [regionCode, setRegionCode] = useState('')
  const [department, setDepartment] = useState('')
  const [choiceError, setChoiceError] = useState<string | undefined>()
  const recording = useMutation({ failure: { dialog: '记录失败' } })
  const words = outcomeNoteLabel[choice || 'upheld']
  const confirm = async (note: string) => {
    const request = outcomeRequestOf(choice, note, { regionCode, department })
    setChoiceError(request.ok ? undefined : request.message)
    if (!request.ok) return false
    const result = await recording.run(() => recordSupervisionOutcome(report.id, request.body))
    if (result.ok) onChanged(result.value)
    return result.ok
  }
  return (
    <View className="voice">
      <ReportCard report={report}>
        <Text className="voice-card__line text-secondary">
          {`报告人：${report.reporterName ?? '未登记的骑手'}（仅工作人员可见，不得告知商家）`}
        </Text>
        {report.photoIds.map((photoId, i) => (
          <InlinePhoto
            key={photoId}
            label={`查看第${i + 1}张照片`}
            fetchPhoto={() => fetchSupervisionPhoto(report.id, photoId)}
          />
        ))}
      </ReportCard>
      {report.state === 'open' && (
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          onClick={() => setAsking(true)}
        >
          记录核查结果
        </Button>
      )}
      {asking && (
        <ReasonSheet
          title="记录核查结果"
          label={words.label}
          placeholder={words.placeholder}
          explanation="骑手会在“我的监督报告”中看到结果和说明；转往区县的报告在那里继续核查。"
          confirmText="确认"
          maxlength={500}
          schema={SupervisionOutcomeRequest.shape.note}
          onConfirm={confirm}
          onClose={() => setAsking(false)}
        >
          <SelectField
            label="核查结果"
            options={optionsOf(outcomeChoiceNames)}
            value={choice}
            error={choice ? undefined : choiceError}
            onChange={(value) => {
              setChoiceError(undefined)
              setChoice(isOutcomeChoice(value) ? value : '')
            }}
          />
          {choice === 'county' && (
            <RegionField
              label="转往区县"
              value={regionCode}
              error={choiceError}
              onChange={setRegionCode}
            />
          )}
          {choice === 'department' && (
            <TextField
              label="转办部门"
              placeholder="如：区卫生健康局"
              maxlength={60}
              value={department}
              error={choiceError}
              onChange={setDepartment}
            />
          )}
        </ReasonSheet>
      )}
    </View>
  )
}
