import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { showFailure } from '../../../hooks/failure'
import { useRemote } from '../../../hooks/useRemote'
import { previewFetchedPhoto } from '../../../photos/preview'
import { ReportList } from '../../../pledge/PledgeRecords'
import { staffPages } from '../../../routes'
import {
  fetchPledgeReports,
  fetchReportPhoto,
  type ReportQueueItem,
  respondToReport,
} from '../../../services/pledge-review'
import RespondSheet from '../../pledges/RespondSheet'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

type Tab = 'open' | 'handled'

/** 群众举报 (事中监督): reports about my jurisdiction's pledges, answered in public. */
function PledgeReportsPage() {
  return (
    <StaffOnly>
      <PledgeReportsBody />
    </StaffOnly>
  )
}

function PledgeReportsBody() {
  // The ledger's 举报待处理 opens ?state=open; the other tab may be named too.
  const [tab, setTab] = useState<Tab>(useRouter().params.state === 'handled' ? 'handled' : 'open')
  return (
    <View className="page pledge-reports">
      <RegionScope region={useRouteRegion()} />
      <View className="card pledge-reports__tabs">
        {(['open', 'handled'] as const).map((value) => (
          <Text
            key={value}
            className={`pledge-reports__tab${tab === value ? ' pledge-reports__tab--on' : ''}`}
            onClick={() => setTab(value)}
          >
            {value === 'open' ? '待处理' : '已处理'}
          </Text>
        ))}
      </View>
      <ReportQueue key={tab} tab={tab} />
    </View>
  )
}

function ReportQueue({ tab }: { tab: Tab }) {
  const region = useRouteRegion()
  const load = useCallback(() => fetchPledgeReports(tab, region), [tab, region])
  const { state, reload } = useRemote(load)
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set())
  const [responding, setResponding] = useState<ReportQueueItem | null>(null)
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const items = state.value.filter((item) => !answered.has(item.id))
  const photo = (id: string) => void previewFetchedPhoto(() => fetchReportPhoto(id))
  return (
    <View>
      {items.length === 0 && (
        <PageNotice text={tab === 'open' ? '没有待处理的举报。' : '没有已处理的举报。'} />
      )}
      {items.map((item) => (
        <View key={item.id} className="card">
          <Text
            className="pledge-reports__who"
            onClick={() =>
              Taro.navigateTo({
                url: `${staffPages.pledgeDetail}?id=${encodeURIComponent(item.pledgeId)}`,
              })
            }
          >
            {item.displayName} · {item.business} ›
          </Text>
          <Text className="text-secondary pledge-reports__meta">
            {item.regionName}
            {item.code ? ` · ${item.code}` : ''} · {chinaDateTime(item.at)}
          </Text>
          <ReportList reports={[item]} onPhoto={photo} />
          {item.state === 'open' && (
            <Button
              className="btn btn--primary"
              hoverClass="btn--pressed"
              onClick={() => setResponding(item)}
            >
              核查答复
            </Button>
          )}
        </View>
      ))}
      {responding && (
        <RespondSheet
          report={responding}
          onClose={() => setResponding(null)}
          onRespond={async (response) => {
            try {
              await respondToReport(responding.id, response)
              setAnswered((ids) => new Set([...ids, responding.id]))
              setResponding(null)
              await Taro.showToast({ title: '已答复', icon: 'success' })
              return true
            } catch (error) {
              await showFailure('答复未成功', error)
              return false
            }
          }}
        />
      )}
    </View>
  )
}

export default withPageFrame(PledgeReportsPage)
