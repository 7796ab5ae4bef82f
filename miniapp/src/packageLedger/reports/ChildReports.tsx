import {
  chinaDateTime,
  type LedgerReportSummary,
  ledgerReportStateNames,
  type StaffLevel,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import DeskTable from '../../desk/DeskTable'
import type { DeskColumn } from '../../desk/table'
import { wholeList } from '../../hooks/usePagedList'
import { ApiError } from '../../services/http'
import { decideReport } from '../../services/ledgers'
import { canDecideReport } from '../ledger/model'
import { basisText } from './basis'
import NoteSheet from './NoteSheet'
import { StateTag, VersionLines } from './ReportState'

interface Props {
  level: StaffLevel
  /** The newest version of each region under me. */
  reports: readonly LedgerReportSummary[]
  onOpen: (id: string) => void
  onChanged: () => void
}

/** 下级报送: what the regions under me sent; the level directly above accepts or returns. */
export default function ChildReports({ level, reports, onOpen, onChanged }: Props) {
  const [returning, setReturning] = useState<LedgerReportSummary | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const decide = async (report: LedgerReportSummary, note?: string) => {
    try {
      await decideReport(report.id, note ? { decision: 'return', note } : { decision: 'accept' })
      setReturning(null)
      setProblem(null)
      onChanged()
      return null
    } catch (error) {
      const message = error instanceof ApiError ? error.message : '提交失败，请稍后重试'
      if (!note) setProblem(message)
      return message
    }
  }
  const actions = (report: LedgerReportSummary) =>
    canDecideReport(level, report, true) && (
      <View className="report-actions">
        <Button
          className="btn btn--primary report-actions__btn"
          hoverClass="btn--pressed"
          onClick={() => void decide(report)}
        >
          接收
        </Button>
        <Button
          className="btn report-actions__btn"
          hoverClass="btn--pressed"
          onClick={() => setReturning(report)}
        >
          退回
        </Button>
      </View>
    )
  return (
    <View className="card" id="report-children">
      <Text className="card__title">下级报送</Text>
      {problem && <Text className="report-error">{problem}</Text>}
      <DeskTable
        caption="下级报送"
        list={wholeList({ phase: 'loaded', value: reports })}
        total={reports.length}
        columns={columns}
        keyOf={(report) => report.id}
        empty="本期下级尚未报送。"
        onMore={onChanged}
        onRetry={onChanged}
        onOpen={(report) => onOpen(report.id)}
        actions={actions}
        card={(report) => (
          <View className="report-child">
            <View
              className="report-row"
              hoverClass="report-row--pressed"
              onClick={() => onOpen(report.id)}
            >
              <View className="report-row__body">
                <Text className="report-row__name">{report.region.name}</Text>
                <VersionLines report={report} />
              </View>
              <StateTag report={report} />
            </View>
            {actions(report)}
          </View>
        )}
      />
      {returning && (
        <NoteSheet
          title={`退回${returning.region.name}的报告`}
          intro="退回后，对方需更正并重新报送。"
          note={{
            label: '退回意见',
            placeholder: '如：市场摊位数与登记信息不符，请核实',
            required: true,
          }}
          confirm="确认退回"
          onConfirm={(note) => decide(returning, note)}
          onClose={() => setReturning(null)}
        />
      )}
    </View>
  )
}

const columns: DeskColumn<LedgerReportSummary>[] = [
  {
    key: 'region',
    title: '地区',
    value: (report) => report.region.name,
    sortable: true,
    filter: 'text',
  },
  {
    key: 'state',
    title: '状态',
    value: (report) => ledgerReportStateNames[report.state],
    render: (report) => <StateTag report={report} />,
    sortable: true,
    filter: 'choice',
    width: '7em',
  },
  {
    key: 'version',
    title: '版本',
    value: (report) => report.version,
    render: (report) => `v${report.version}`,
    sortable: true,
    width: '5em',
  },
  {
    key: 'submitted',
    title: '报送时间',
    value: (report) => report.submittedAt,
    render: (report) => `${chinaDateTime(report.submittedAt)} · ${report.submittedBy}`,
    sortable: true,
  },
  { key: 'basis', title: '数据口径', value: (report) => basisText(report) },
  {
    key: 'note',
    title: '更正原因与意见',
    value: (report) =>
      [
        report.reason && `更正原因：${report.reason}`,
        report.decisionNote && `意见：${report.decisionNote}`,
      ]
        .filter(Boolean)
        .join('；') || '—',
  },
]
