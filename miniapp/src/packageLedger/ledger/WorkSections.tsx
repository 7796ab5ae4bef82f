import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Open } from './links'
import { ratingText } from './model'
import { nextSort, type SortState, sortRows } from './sort'
import Table from './Table'

export function PledgesSection({
  pledges,
  open,
}: {
  pledges: Ledger['pledges']
  open: Open | undefined
}) {
  const rows = [
    {
      key: 'public',
      label: '公示中的承诺',
      cells: [pledges.public],
      onClick: open?.('pledges.public'),
    },
    { key: 'suspended', label: '暂停公示', cells: [pledges.suspended] },
    {
      key: 'rating',
      label: `群众评价（${pledges.ratings}条）`,
      cells: [ratingText(pledges.averageRating)],
    },
    {
      key: 'open',
      label: '举报待处理',
      cells: [pledges.reportsOpen],
      onClick: open?.('pledges.reportsOpen'),
    },
    { key: 'upheld', label: '举报属实', cells: [pledges.reportsUpheld] },
    { key: 'dismissed', label: '举报不属实', cells: [pledges.reportsDismissed] },
    // Every period's awards: the ranking lists one period, so it is no list of these.
    { key: 'awards', label: '党员诚信示范店', cells: [pledges.awards] },
  ]
  return (
    <View className="card ledger-section" id="ledger-pledges">
      <Text className="card__title">三亮</Text>
      <Table label="项目" head={['数量']} rows={rows} />
    </View>
  )
}

export function WorkSection({ work, open }: { work: Ledger['work']; open: Open | undefined }) {
  const { training, liaison, guidanceStations, committees } = work.total
  const rows = [
    {
      key: 'sessions',
      label: '培训班（期）',
      cells: [training.sessions],
      onClick: open?.('work.total.training.sessions'),
    },
    { key: 'people', label: '培训人数', cells: [training.peopleTrained] },
    // Counted from the activities (培训班 of ≥ 30 signed in); absent from older reports.
    ...(training.activitySessions === undefined
      ? []
      : [
          {
            key: 'activity-sessions',
            label: '培训班活动（期，签到≥30人）',
            cells: [training.activitySessions],
            onClick: open?.('work.total.training.activitySessions'),
          },
          {
            key: 'activity-people',
            label: '培训班活动签到人数',
            cells: [training.activityPeople ?? 0],
          },
        ]),
    {
      key: 'target',
      label: '培训达标区县（含活动）',
      cells: [`${training.countiesMeetingTarget}/${training.counties}`],
    },
    // People, each counted once however many pairs they have: the list is of pairs.
    { key: 'liaisons', label: '挂钩联系人', cells: [liaison.liaisons] },
    { key: 'orgs', label: '联系组织', cells: [liaison.organisations] },
    { key: 'visits', label: '走访次数', cells: [liaison.visits] },
    { key: 'stations', label: '党建工作指导站', cells: [guidanceStations] },
    {
      key: 'committees',
      label: '小个专党委（设区市）',
      cells: [`${committees.citiesSetUp}/${committees.cities}`],
    },
    {
      key: 'county-committees',
      label: '小个专党委（区县）',
      cells: [`${committees.countiesSetUp}/${committees.counties}`],
    },
  ]
  return (
    <View className="card ledger-section" id="ledger-work">
      <Text className="card__title">本级工作（{work.year}年）</Text>
      <Table label="项目" head={['数量']} rows={rows} />
    </View>
  )
}

export function ChildrenSection({
  items,
  onOpen,
  sortable = false,
}: {
  items: Ledger['children']
  onOpen?: ((code: string) => void) | undefined
  /** At the desk: headers sort the regions to compare them. */
  sortable?: boolean
}) {
  const [sort, setSort] = useState<SortState | null>(null)
  if (items.length === 0) return null
  const rows = items.map((child) => ({
    key: child.code,
    label: child.name,
    cells: [
      child.members.reported,
      child.members.verified,
      child.markets.verified,
      child.places,
      child.pledges,
    ],
    onClick: onOpen && (() => onOpen(child.code)),
  }))
  return (
    <View className="card ledger-section" id="ledger-children">
      <Text className="card__title">下级</Text>
      <Text className="ledger-note text-secondary">
        党员分列自报（待核验）与已核验；市场为已核验数。
      </Text>
      <Table
        label="地区"
        head={['党员自报', '党员已核验', '市场', '阵地', '承诺']}
        rows={sortRows(rows, sort)}
        sort={sortable ? { state: sort, onSort: (c) => setSort(nextSort(sort, c)) } : undefined}
      />
    </View>
  )
}
