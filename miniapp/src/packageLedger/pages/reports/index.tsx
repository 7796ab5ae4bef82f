import type { StaffLevel } from '@djt/shared'
import { evaluablePeriods, periodLabel } from '@djt/shared'
import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import SelectField from '../../../components/SelectField'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
import { useCurrentUser } from '../../../hooks/useSession'
import { ledgerPages } from '../../../routes'
import { fetchReports } from '../../../services/ledgers'
import { canSubmitReport, newestByRegion } from '../../ledger/model'
import ChildReports from '../../reports/ChildReports'
import OwnReportCard from '../../reports/OwnReportCard'
import '../../reports/reports.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 半年报告: my own report for the half-year, and those the regions under me sent. */
function ReportsPage() {
  return (
    <StaffOnly>
      <Reports />
    </StaffOnly>
  )
}

function Reports() {
  const periods = evaluablePeriods(new Date())
  const [period, setPeriod] = useState(periods[0] ?? '')
  const staff = useCurrentUser()?.staff
  if (!staff) return null
  return (
    <View className="page reports">
      <View className="card">
        <SelectField
          label="报告期"
          options={periods.map((value) => ({ value, label: periodLabel(value) }))}
          value={period}
          onChange={setPeriod}
        />
      </View>
      <PeriodReports key={period} period={period} level={staff.level} region={staff.region} />
    </View>
  )
}

interface PeriodProps {
  period: string
  level: StaffLevel
  region: { code: string; name: string }
}

function PeriodReports({ period, level, region }: PeriodProps) {
  const load = useCallback(() => fetchReports(period), [period])
  const { state, reload } = useRemote(load)
  const shown = useRef(false)
  // Back from a report: a correction or decision may have happened meanwhile.
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const newest = newestByRegion(state.value)
  const open = (id: string) =>
    void Taro.navigateTo({ url: `${ledgerPages.report}?id=${encodeURIComponent(id)}` })
  return (
    <>
      {canSubmitReport(level) && (
        <OwnReportCard
          regionName={region.name}
          period={period}
          newest={newest.find((r) => r.region.code === region.code)}
          onOpen={open}
          onChanged={reload}
        />
      )}
      <ChildReports
        level={level}
        reports={newest.filter((r) => r.region.code !== region.code)}
        onOpen={open}
        onChanged={reload}
      />
    </>
  )
}

export default withPageFrame(ReportsPage)
