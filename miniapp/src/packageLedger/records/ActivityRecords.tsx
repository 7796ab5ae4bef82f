import { activityStateNames, chinaDateTime } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import DeskTable from '../../desk/DeskTable'
import type { DeskColumn } from '../../desk/table'
import { activityPages } from '../../routes'
import {
  fetchLedgerActivities,
  fetchLedgerActivityMembers,
  fetchLedgerActivityPeople,
  type LedgerActivity,
  type LedgerActivityMember,
  type LedgerActivityPerson,
} from '../../services/ledgers'
import type { RecordFilters } from './record-filters'
import { useRecords } from './useRecords'

type Filters = RecordFilters['activities']
const openActivity = (id: string) =>
  void Taro.navigateTo({ url: `${activityPages.staffDetail}?id=${encodeURIComponent(id)}` })
const region = { key: 'region', title: '地区', sortable: true, filter: 'choice' } as const

const activityColumns: DeskColumn<LedgerActivity>[] = [
  { ...region, value: (a) => a.regionName },
  { key: 'title', title: '活动', value: (a) => a.title, sortable: true, filter: 'text' },
  { key: 'kind', title: '类型', value: (a) => a.kindLabel, filter: 'choice' },
  {
    key: 'starts',
    title: '开始',
    value: (a) => a.startsAt,
    render: (a) => chinaDateTime(a.startsAt),
    sortable: true,
  },
  { key: 'state', title: '状态', value: (a) => activityStateNames[a.state], filter: 'choice' },
  { key: 'signed', title: '报名', value: (a) => a.signedUp, sortable: true, width: '5em' },
  { key: 'attended', title: '签到', value: (a) => a.attended, sortable: true, width: '5em' },
]

const personColumns: DeskColumn<LedgerActivityPerson>[] = [
  { ...region, value: (p) => p.regionName },
  { key: 'name', title: '党员', value: (p) => p.memberName, sortable: true, filter: 'text' },
  {
    key: 'activity',
    title: '活动',
    value: (p) => p.activityTitle,
    sortable: true,
    filter: 'choice',
  },
  { key: 'kind', title: '类型', value: (p) => p.kindLabel, filter: 'choice' },
  {
    key: 'at',
    title: '时间',
    value: (p) => p.at,
    render: (p) => chinaDateTime(p.at),
    sortable: true,
  },
]

const memberColumns: DeskColumn<LedgerActivityMember>[] = [
  { ...region, value: (m) => m.regionName },
  { key: 'name', title: '党员', value: (m) => m.memberName, sortable: true, filter: 'text' },
  { key: 'attended', title: '参加（次）', value: (m) => m.attended, sortable: true, width: '6em' },
  {
    key: 'flowAttended',
    title: '其中以流动党员身份（次）',
    value: (m) => m.flowAttended,
    sortable: true,
    width: '8em',
  },
]

/** One line of a phone card: a title, what it belongs to, a figure. */
function Card({
  title,
  sub,
  note,
  onOpen,
}: {
  title: string
  sub: string
  note: string
  onOpen?: () => void
}) {
  return (
    <View
      className="card ledger-record"
      hoverClass={onOpen ? 'ledger-record--pressed' : 'none'}
      onClick={onOpen}
    >
      <View className="ledger-record__head">
        <Text className="ledger-record__name">{title}</Text>
      </View>
      <Text className="text-secondary">{sub}</Text>
      <Text className="ledger-record__org">{note}</Text>
    </View>
  )
}

export function Activities({ region: code, filters }: { region: string; filters: Filters }) {
  const { year, kind, qualifying } = filters
  const load = useCallback(
    (after?: string) => fetchLedgerActivities(code, { year, kind, qualifying }, after),
    [code, year, kind, qualifying],
  )
  const { list, reload, loadMore } = useRecords(load)
  return (
    <DeskTable
      caption="活动明细"
      list={list}
      total={list.about ?? null}
      columns={activityColumns}
      keyOf={(a) => a.id}
      empty="没有记录。"
      onMore={loadMore}
      onRetry={reload}
      onOpen={(a) => openActivity(a.id)}
      card={(a) => (
        <Card
          title={a.title}
          sub={`${a.regionName} · ${a.kindLabel} · ${chinaDateTime(a.startsAt)}`}
          note={`${activityStateNames[a.state]}，报名 ${a.signedUp}，签到 ${a.attended}`}
          onOpen={() => openActivity(a.id)}
        />
      )}
    />
  )
}

export function ActivityPeople({ region: code, filters }: { region: string; filters: Filters }) {
  const { year, kind, what } = filters
  const load = useCallback(
    (after?: string) => fetchLedgerActivityPeople(code, { year, kind, what }, after),
    [code, year, kind, what],
  )
  const { list, reload, loadMore } = useRecords(load)
  const verb = what === 'signups' ? '报名于' : '签到于'
  return (
    <DeskTable
      caption={what === 'signups' ? '报名明细' : '签到明细'}
      list={list}
      total={list.about ?? null}
      columns={personColumns}
      keyOf={(p) => p.id}
      empty="没有记录。"
      onMore={loadMore}
      onRetry={reload}
      onOpen={(p) => openActivity(p.activityId)}
      card={(p) => (
        <Card
          title={p.memberName}
          sub={`${p.regionName} · ${p.kindLabel} · ${p.activityTitle}`}
          note={`${verb} ${chinaDateTime(p.at)}`}
          onOpen={() => openActivity(p.activityId)}
        />
      )}
    />
  )
}

export function ActivityMembers({ region: code, filters }: { region: string; filters: Filters }) {
  const { year, who } = filters
  const load = useCallback(
    (after?: string) => fetchLedgerActivityMembers(code, { year, who }, after),
    [code, year, who],
  )
  const { list, reload, loadMore } = useRecords(load)
  return (
    <DeskTable
      caption={who === 'flow' ? '参加活动的流动党员' : '参加活动的党员'}
      list={list}
      total={list.about ?? null}
      columns={memberColumns}
      keyOf={(m) => `${m.regionCode}${m.membershipId}`}
      empty="没有记录。"
      onMore={loadMore}
      onRetry={reload}
      card={(m) => (
        <Card
          title={m.memberName}
          sub={m.regionName}
          note={
            m.flowAttended > 0
              ? `参加 ${m.attended} 次，其中以流动党员身份 ${m.flowAttended} 次`
              : `参加 ${m.attended} 次`
          }
        />
      )}
    />
  )
}
