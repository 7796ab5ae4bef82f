import { chinaDateTime, placeStatusNames, platformNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import StaffOnly from '../../../components/StaffOnly'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { useRegionName } from '../../../hooks/useRegionName'
import { staffPages } from '../../../routes'
import {
  fetchLedgerCheckins,
  fetchLedgerMarkets,
  fetchLedgerStations,
  type LedgerCheckin,
  type LedgerMarket,
  type LedgerStation,
} from '../../../services/ledgers'
import { Activities, ActivityMembers, ActivityPeople } from '../../records/ActivityRecords'
import CheckinCard from '../../records/CheckinCard'
import MarketCard from '../../records/MarketCard'
import { recordFilters, recordsTitle, recordType } from '../../records/record-filters'
import StationCard from '../../records/StationCard'
import { useRecords } from '../../records/useRecords'
import '../../records/records.scss'
import { withPageFrame } from '../../../components/PageFrame'

/**
 * 台账明细: one row per market, station or confirmed check-in under a region, narrowed as
 * the ledger figure that opened it counted. A station and a check-in open the place's page;
 * a market its registration.
 */
function LedgerRecordsPage() {
  return (
    <StaffOnly>
      <Records />
    </StaffOnly>
  )
}

const notes = {
  markets: '自报与已核验分别标注；点开查看登记详情。',
  stations: '点开查看阵地详情和报到。',
  checkins: '按党员登记所在地区计；点开查看报到的支部。',
  activities: '按活动地点所在区县计，已取消的不计；点开查看活动。',
  activityPeople: '按活动地点所在区县计，已取消活动的不计；点开查看活动。',
  activityMembers: '同一党员在一个区县只计一次；在几个区县参加的，各区县各计一次。',
}

const open = (url: string) => void Taro.navigateTo({ url })
const openPlace = (id: string) => open(`${staffPages.placeEdit}?id=${id}`)
const region = { key: 'region', title: '地区', sortable: true, filter: 'choice' } as const

const marketColumns: DeskColumn<LedgerMarket>[] = [
  { ...region, value: (m) => m.regionName },
  { key: 'name', title: '市场', value: (m) => m.marketName, sortable: true, filter: 'text' },
  { key: 'opener', title: '开办者', value: (m) => m.opener, filter: 'text' },
  { key: 'stalls', title: '摊位数', value: (m) => m.stalls, sortable: true, width: '6em' },
  {
    key: 'members',
    title: '党员摊主',
    value: (m) => m.memberStallOwners,
    sortable: true,
    width: '6em',
  },
  { key: 'org', title: '党组织', value: (m) => m.orgFormLabel, filter: 'choice' },
  {
    key: 'class',
    title: '核验',
    value: (m) => (m.class === 'verified' ? '已核验' : '自报'),
    filter: 'choice',
    width: '6em',
  },
]

const stationColumns: DeskColumn<LedgerStation>[] = [
  { ...region, value: (s) => s.regionName },
  { key: 'name', title: '名称', value: (s) => s.name, sortable: true, filter: 'text' },
  { key: 'kind', title: '类型', value: (s) => s.kindLabel, filter: 'choice' },
  { key: 'status', title: '状态', value: (s) => placeStatusNames[s.status], filter: 'choice' },
  {
    key: 'approved',
    title: '已报到',
    value: (s) => s.checkinsApproved,
    sortable: true,
    width: '6em',
  },
  {
    key: 'pending',
    title: '待确认',
    value: (s) => s.checkinsPending,
    sortable: true,
    width: '6em',
  },
  {
    key: 'checked',
    title: '最近核查',
    value: (s) => s.lastCheckedOn ?? '',
    render: (s) => s.lastCheckedOn ?? '—',
    sortable: true,
  },
]

const checkinColumns: DeskColumn<LedgerCheckin>[] = [
  { ...region, value: (c) => c.regionName },
  { key: 'name', title: '党员', value: (c) => c.memberName, sortable: true, filter: 'text' },
  {
    key: 'platform',
    title: '平台',
    value: (c) => (c.platform ? platformNames[c.platform] : '—'),
    filter: 'choice',
  },
  { key: 'place', title: '报到支部', value: (c) => c.placeName, sortable: true, filter: 'choice' },
  {
    key: 'decided',
    title: '确认时间',
    value: (c) => c.decidedAt ?? '',
    render: (c) => (c.decidedAt ? chinaDateTime(c.decidedAt) : '—'),
    sortable: true,
  },
]

function Records() {
  const { params } = useRouter()
  const code = params.region ?? ''
  const type = recordType(params.type)
  const [filters] = useState(() => recordFilters(params))
  const name = useRegionName(code)
  return (
    <View className="page ledger-records">
      <View className="card">
        <Text className="card__title">
          {name} {recordsTitle(type, filters)}
        </Text>
        <Text className="text-secondary">{notes[type]}</Text>
      </View>
      {type === 'markets' && <Markets region={code} filters={filters.markets} />}
      {type === 'stations' && <Stations region={code} filters={filters.stations} />}
      {type === 'checkins' && <Checkins region={code} filters={filters.checkins} />}
      {type === 'activities' && <Activities region={code} filters={filters.activities} />}
      {type === 'activityPeople' && <ActivityPeople region={code} filters={filters.activities} />}
      {type === 'activityMembers' && <ActivityMembers region={code} filters={filters.activities} />}
    </View>
  )
}

type Filters = ReturnType<typeof recordFilters>

function Markets({ region, filters }: { region: string; filters: Filters['markets'] }) {
  const load = useCallback(
    (after?: string) => fetchLedgerMarkets(region, filters, after),
    [region, filters],
  )
  const { list, reload, loadMore } = useRecords(load)
  const openMarket = (m: LedgerMarket) => open(`${staffPages.reviewDetail}?id=${m.membershipId}`)
  return (
    <DeskTable
      caption="市场明细"
      list={list}
      total={list.about ?? null}
      columns={marketColumns}
      keyOf={(m) => m.membershipId}
      empty="没有记录。"
      onMore={loadMore}
      onRetry={reload}
      onOpen={openMarket}
      card={(m) => <MarketCard market={m} onOpen={() => openMarket(m)} />}
    />
  )
}

function Stations({ region, filters }: { region: string; filters: Filters['stations'] }) {
  const load = useCallback(
    (after?: string) => fetchLedgerStations(region, filters, after),
    [region, filters],
  )
  const { list, reload, loadMore } = useRecords(load)
  return (
    <DeskTable
      caption="阵地明细"
      list={list}
      total={list.about ?? null}
      columns={stationColumns}
      keyOf={(s) => s.id}
      empty="没有记录。"
      onMore={loadMore}
      onRetry={reload}
      onOpen={(s) => openPlace(s.id)}
      card={(s) => <StationCard station={s} onOpen={() => openPlace(s.id)} />}
    />
  )
}

function Checkins({ region, filters }: { region: string; filters: Filters['checkins'] }) {
  const load = useCallback(
    (after?: string) => fetchLedgerCheckins(region, filters, after),
    [region, filters],
  )
  const { list, reload, loadMore } = useRecords(load)
  return (
    <DeskTable
      caption="报到明细"
      list={list}
      total={list.about ?? null}
      columns={checkinColumns}
      keyOf={(c) => c.id}
      empty="没有记录。"
      onMore={loadMore}
      onRetry={reload}
      onOpen={(c) => openPlace(c.placeId)}
      card={(c) => <CheckinCard checkin={c} onOpen={() => openPlace(c.placeId)} />}
    />
  )
}

export default withPageFrame(LedgerRecordsPage)
