import { chinaDateTime } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { useRemote } from '../../../hooks/useRemote'
import { useCurrentUser } from '../../../hooks/useSession'
import { ledgerPages } from '../../../routes'
import { exportLedger, fetchLedger } from '../../../services/ledgers'
import DrillTrail from '../../ledger/DrillTrail'
import ExportBar from '../../ledger/ExportBar'
import Headline from '../../ledger/Headline'
import LedgerSections from '../../ledger/LedgerSections'
import { figureOpener } from '../../ledger/links'
import { exportName } from '../../ledger/model'

/**
 * 台账: a region's figures (my own by default); tap a child region to drill down. At the
 * desk: the trail back up, a strip of headline figures and the child regions to compare first.
 */
function LedgerDashboardPage() {
  return (
    <StaffOnly>
      <Dashboard />
    </StaffOnly>
  )
}

function Dashboard() {
  const region = useRouter().params.region || undefined
  const load = useCallback(() => fetchLedger(region), [region])
  const { state, reload } = useRemote(load)
  const desk = useDeskLayout()
  const own = useCurrentUser()?.staff?.region.code
  if (state.phase === 'loading') return <PageShell notice="正在加载台账…" />
  if (state.phase === 'failed') return <PageShell notice={state.error.message} onRetry={reload} />
  const ledger = state.value
  const open = figureOpener(ledger.links, (url) => void Taro.navigateTo({ url }))
  const openRegion = (code: string) =>
    void Taro.navigateTo({ url: `${ledgerPages.dashboard}?region=${encodeURIComponent(code)}` })
  return (
    <View className={`page ledger${desk ? ' ledger--desk' : ''}`}>
      <View className="card ledger-head">
        {desk && <DrillTrail region={ledger.region} own={own} onOpen={openRegion} />}
        <Text className="ledger-head__name">{ledger.region.name}台账</Text>
        <Text className="ledger-head__meta text-secondary">
          数据截至 {chinaDateTime(ledger.asOf)}（北京时间）
        </Text>
        <ExportBar
          onExport={(format) =>
            exportLedger(format, ledger.region.code, exportName(ledger.region.name))
          }
        />
      </View>
      {desk && <Headline ledger={ledger} open={open} />}
      <LedgerSections ledger={ledger} open={open} onOpenChild={openRegion} desk={desk} />
    </View>
  )
}

function PageShell({ notice, onRetry }: { notice: string; onRetry?: () => void }) {
  return (
    <View className="page ledger">
      <PageNotice text={notice} onRetry={onRetry} />
    </View>
  )
}

export default withPageFrame(LedgerDashboardPage)
