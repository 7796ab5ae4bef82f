import {
  chinaDateTime,
  type StaffSupervisionReport,
  type SupervisionState,
  supervisionCategoryNames,
} from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useMemo, useRef, useState } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import StaffOnly from '../../../components/StaffOnly'
import Tabs from '../../../components/Tabs'
import DeskSplit from '../../../desk/DeskSplit'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { useDeskLayout } from '../../../desk/useDeskLayout'
import { usePagedList } from '../../../hooks/usePagedList'
import { voicePages } from '../../../routes'
import { fetchStaffSupervisionReports } from '../../../services/supervision'
import { ledgerFilterOf, ledgerFilterText } from '../../report/list-filter'
import StaffReportPanel from '../../report/StaffReportPanel'
import { merchantText, reportHeadline, reportStateText } from '../../report/summary'
import '../../voice/voice.scss'

type Shown = SupervisionState | 'all'
const tabs = [
  { key: 'open' as const, label: '待核查' },
  { key: 'closed' as const, label: '已办结' },
  { key: 'all' as const, label: '全部' },
]

/** 监督共治报告: my jurisdiction's reports, oldest first, to check and record the outcome. */
function StaffReportsPage() {
  return (
    <StaffOnly>
      <StaffReports />
    </StaffOnly>
  )
}

function StaffReports() {
  const region = useRouteRegion()
  const { params } = useRouter()
  const filter = useMemo(() => ledgerFilterOf(params), [params])
  const narrowed = ledgerFilterText(filter)
  // A ledger figure counts every report of its year, open or not: it opens on 全部.
  const [shown, setShown] = useState<Shown>(narrowed ? 'all' : 'open')
  const loader = useCallback(
    async (after?: string) => {
      const state = shown === 'all' ? undefined : shown
      const page = await fetchStaffSupervisionReports({ after, region, state, ...filter })
      return { items: page.items, next: page.next, about: page.total }
    },
    [region, shown, filter],
  )
  const { list, reload, loadMore } = usePagedList<StaffSupervisionReport, number>(loader)
  const seen = useRef(false)
  useDidShow(() => {
    if (seen.current) reload()
    seen.current = true
  })
  useReachBottom(loadMore)
  // At the desk the report opens beside the list; on a phone, as its own page.
  const desk = useDeskLayout()
  const [chosen, setChosen] = useState<StaffSupervisionReport | null>(null)
  const open = (report: StaffSupervisionReport) =>
    desk
      ? setChosen(report)
      : Taro.navigateTo({ url: `${voicePages.staffReport}?id=${encodeURIComponent(report.id)}` })
  return (
    <View className="page voice">
      <RegionScope region={region} />
      {narrowed && <Text className="voice-form__note">{`只看：${narrowed}`}</Text>}
      <Tabs
        tabs={tabs}
        current={shown}
        onChange={(next) => {
          setChosen(null)
          setShown(next)
        }}
      />
      <DeskSplit
        title="报告详情"
        detail={
          desk && chosen ? (
            <StaffReportPanel key={chosen.id} id={chosen.id} onChanged={reload} />
          ) : null
        }
        onClose={() => setChosen(null)}
      >
        <DeskTable
          caption={tabs.find((tab) => tab.key === shown)?.label ?? '监督共治报告'}
          list={list}
          total={list.about ?? null}
          columns={columns}
          keyOf={(report) => report.id}
          empty="没有这一类的报告。"
          onMore={loadMore}
          onRetry={reload}
          onOpen={open}
          shownBeside={chosen?.id ?? null}
          card={(report) => (
            <View className="card voice-card" onClick={() => open(report)}>
              <Text className="voice-card__title">{reportHeadline(report)}</Text>
              <Text className="voice-card__line">{report.text}</Text>
              <Text className="voice-card__line text-secondary">
                {`${chinaDateTime(report.createdAt)} · ${reportStateText(report)}`}
              </Text>
            </View>
          )}
        />
      </DeskSplit>
    </View>
  )
}

const columns: DeskColumn<StaffSupervisionReport>[] = [
  {
    key: 'category',
    title: '类别',
    value: (r) => supervisionCategoryNames[r.category],
    filter: 'choice',
    width: '7em',
  },
  { key: 'merchant', title: '商家', value: (r) => r.merchant.name, filter: 'text' },
  { key: 'text', title: '问题', value: (r) => r.text, filter: 'text' },
  { key: 'address', title: '地址', value: merchantText, filter: 'text', secondary: true },
  { key: 'region', title: '区县', value: (r) => r.regionName, filter: 'choice', width: '7em' },
  {
    key: 'at',
    title: '提交时间',
    value: (r) => r.createdAt,
    render: (r) => chinaDateTime(r.createdAt),
    sortable: true,
    width: '10em',
  },
  { key: 'state', title: '状态', value: reportStateText, width: '10em' },
]

export default withPageFrame(StaffReportsPage)
