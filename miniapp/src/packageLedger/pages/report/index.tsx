import type { LedgerReport, LedgerReportSummary } from '@djt/shared'
import { chinaDateTime, periodLabel } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { exportReport, fetchReport, fetchReports } from '../../../services/ledgers'
import ExportBar from '../../ledger/ExportBar'
import LedgerSections from '../../ledger/LedgerSections'
import { exportName, versionsOf } from '../../ledger/model'
import { basisText } from '../../reports/basis'
import { StateTag, VersionLines } from '../../reports/ReportState'
import '../../reports/reports.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** One report: every version of it, then the ledger as it was frozen, with its exports. */
function ReportPage() {
  return (
    <StaffOnly>
      <Report />
    </StaffOnly>
  )
}

async function reportWithVersions(id: string) {
  const report = await fetchReport(id)
  const all = await fetchReports(report.period)
  return { report, versions: versionsOf(all, report.region.code, report.period) }
}

function Report() {
  const id = useRouter().params.id ?? ''
  const load = useCallback(() => reportWithVersions(id), [id])
  const { state, reload } = useRemote(load)
  if (state.phase !== 'loaded') {
    return (
      <View className="page report">
        {state.phase === 'loading' && <PageNotice text="正在加载报告…" />}
        {state.phase === 'failed' && <PageNotice text={state.error.message} onRetry={reload} />}
      </View>
    )
  }
  const { report, versions } = state.value
  return (
    <View className="page report">
      <ReportHead report={report} versions={versions} />
      <LedgerSections ledger={report.ledger} />
    </View>
  )
}

function ReportHead({
  report,
  versions,
}: {
  report: LedgerReport
  versions: LedgerReportSummary[]
}) {
  const name = exportName(report.region.name, report.period, report.version)
  return (
    <View className="card ledger-head">
      <Text className="ledger-head__name">
        {report.region.name} · {periodLabel(report.period)}
      </Text>
      <Text className="ledger-head__meta text-secondary">
        第{report.version}版，{basisText(report)}，台账冻结于 {chinaDateTime(report.ledger.asOf)}
        （北京时间）
      </Text>
      <ExportBar onExport={(format) => exportReport(format, report.id, name)} />
      <Text className="card__title report-versions__title">各版本</Text>
      {versions.map((version) => (
        <View key={version.id} className="report-version">
          <View className="report-row__body">
            <VersionLines report={version} />
          </View>
          <StateTag report={version} />
        </View>
      ))}
    </View>
  )
}

export default withPageFrame(ReportPage)
