import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import DeskSplit from '../../../desk/DeskSplit'
import DeskTable from '../../../desk/DeskTable'
import { pendingChanged } from '../../../desk/pending-changed'
import type { DeskColumn } from '../../../desk/table'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { showFailure } from '../../../hooks/failure'
import { usePagedList } from '../../../hooks/usePagedList'
import { ReportList } from '../../../pledge/PledgeRecords'
import { staffPages } from '../../../routes'
import {
  fetchPledgeReports,
  fetchReportPhoto,
  type ReportQueueItem,
  respondToReport,
} from '../../../services/pledge-review'
import PledgeDetail from '../../pledges/PledgeDetail'
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

const tabs = [
  { key: 'open', label: '待处理', empty: '没有待处理的举报。' },
  { key: 'handled', label: '已处理', empty: '没有已处理的举报。' },
] as const

function PledgeReportsBody() {
  // The ledger's 举报待处理 opens ?state=open; the other tab may be named too.
  const [tab, setTab] = useState<Tab>(useRouter().params.state === 'handled' ? 'handled' : 'open')
  return (
    <View className="page pledge-reports">
      <RegionScope region={useRouteRegion()} />
      <Tabs tabs={tabs} current={tab} onChange={setTab} />
      <ReportQueue key={tab} tab={tab} />
    </View>
  )
}

const pledgePage = (item: ReportQueueItem) =>
  void Taro.navigateTo({
    url: `${staffPages.pledgeDetail}?id=${encodeURIComponent(item.pledgeId)}`,
  })

const columns: DeskColumn<ReportQueueItem>[] = [
  {
    key: 'who',
    title: '经营者',
    value: (item) => `${item.displayName} · ${item.business}`,
    sortable: true,
    filter: 'text',
  },
  {
    key: 'region',
    secondary: true,
    title: '地区',
    value: (item) => item.regionName,
    sortable: true,
    filter: 'choice',
  },
  {
    key: 'code',
    secondary: true,
    title: '承诺编号',
    value: (item) => item.code ?? '—',
    width: '9em',
  },
  {
    key: 'at',
    title: '举报时间',
    value: (item) => item.at,
    render: (item) => chinaDateTime(item.at),
    sortable: true,
    width: '11em',
  },
  {
    key: 'text',
    title: '举报内容',
    value: (item) => item.text,
    filter: 'text',
    render: (item) => <ReportList reports={[item]} fetchPhoto={fetchReportPhoto} />,
  },
]

function ReportQueue({ tab }: { tab: Tab }) {
  const region = useRouteRegion()
  const loader = useCallback(
    async (after?: string) => {
      const page = await fetchPledgeReports(tab, after, region)
      return { items: page.items, next: page.next, about: page.total }
    },
    [tab, region],
  )
  const { list, reload, loadMore } = usePagedList<ReportQueueItem, number>(loader)
  useReachBottom(loadMore)
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set())
  const [responding, setResponding] = useState<ReportQueueItem | null>(null)
  // At the desk the reported pledge opens beside the list; on a phone, as its own page.
  const desk = useDeskLayout()
  const [chosen, setChosen] = useState<ReportQueueItem | null>(null)
  const openPledge = (item: ReportQueueItem) => (desk ? setChosen(item) : pledgePage(item))
  // An answered report leaves the open list and its total.
  const gone = list.items.filter((item) => answered.has(item.id)).length
  const shown = { ...list, items: list.items.filter((item) => !answered.has(item.id)) }
  const answer = (item: ReportQueueItem) =>
    item.state === 'open' && (
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        onClick={() => setResponding(item)}
      >
        核查答复
      </Button>
    )
  return (
    <View>
      <DeskSplit
        title="被举报的承诺"
        detail={
          desk && chosen ? (
            <PledgeDetail key={chosen.id} id={chosen.pledgeId} onChanged={pendingChanged} />
          ) : null
        }
        onClose={() => setChosen(null)}
      >
        <DeskTable
          caption={tab === 'open' ? '待处理的举报' : '已处理的举报'}
          list={shown}
          total={list.about === undefined ? null : list.about - gone}
          columns={columns}
          keyOf={(item) => item.id}
          empty={tabs.find((each) => each.key === tab)?.empty ?? ''}
          onMore={loadMore}
          onRetry={reload}
          onOpen={openPledge}
          shownBeside={chosen?.id ?? null}
          {...(tab === 'open' ? { actions: answer } : {})}
          card={(item) => (
            <View className="card">
              <Text className="pledge-reports__who" onClick={() => openPledge(item)}>
                {item.displayName} · {item.business} ›
              </Text>
              <Text className="text-secondary pledge-reports__meta">
                {item.regionName}
                {item.code ? ` · ${item.code}` : ''} · {chinaDateTime(item.at)}
              </Text>
              <ReportList reports={[item]} fetchPhoto={fetchReportPhoto} />
              {answer(item)}
            </View>
          )}
        />
      </DeskSplit>
      {responding && (
        <RespondSheet
          report={responding}
          onClose={() => setResponding(null)}
          onRespond={async (response) => {
            try {
              await respondToReport(responding.id, response)
              setAnswered((ids) => new Set([...ids, responding.id]))
              setResponding(null)
              pendingChanged()
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
