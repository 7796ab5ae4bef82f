import { evaluablePeriods, MODEL_STORE_AWARD, periodLabel, RANKING_LIMIT } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import SelectField from '../../../components/SelectField'
import StaffOnly from '../../../components/StaffOnly'
import DeskTable from '../../../desk/DeskTable'
import type { DeskColumn } from '../../../desk/table'
import { wholeList } from '../../../hooks/usePagedList'
import { type RemoteState, useRemote } from '../../../hooks/useRemote'
import { ratingText } from '../../../pledge/labels'
import { staffPages } from '../../../routes'
import { fetchRanking, type RankingItem } from '../../../services/pledge-review'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** 比作为: pledges in my jurisdiction by the half-year's score, then by public rating. */
function PledgeRankingPage() {
  return (
    <StaffOnly>
      <RankingBody />
    </StaffOnly>
  )
}

function RankingBody() {
  const periods = evaluablePeriods(new Date())
  const [period, setPeriod] = useState(periods[0] ?? '')
  const region = useRouteRegion()
  const load = useCallback(() => fetchRanking(period || undefined, region), [period, region])
  const { state, reload } = useRemote(load)
  // The rank is the server's order; a table sorted by another column keeps each one's rank.
  const ranked: RemoteState<Ranked[]> =
    state.phase === 'loaded'
      ? {
          phase: 'loaded',
          value: state.value.items.map((item, index) => ({ ...item, rank: index + 1 })),
        }
      : state
  const truncated = state.phase === 'loaded' && state.value.truncated
  return (
    <View className="page pledge-ranking">
      <RegionScope region={region} />
      <View className="card">
        <SelectField
          label="考评周期"
          options={periods.map((value) => ({ value, label: periodLabel(value) }))}
          value={period}
          onChange={setPeriod}
        />
      </View>
      <DeskTable
        caption="比作为排名"
        list={wholeList(ranked)}
        total={truncated ? null : ranked.phase === 'loaded' ? ranked.value.length : null}
        partial={truncated}
        columns={columns}
        keyOf={(item) => item.pledgeId}
        empty="这一周期还没有考评或评价。"
        onMore={reload}
        onRetry={reload}
        onOpen={openPledge}
        card={(item) => <RankRow item={item} />}
      />
      {truncated && (
        <Text className="text-secondary pledge-ranking__more">
          只列出前 {RANKING_LIMIT} 名；请选择地区查看其余。
        </Text>
      )}
    </View>
  )
}

type Ranked = RankingItem & { rank: number }

const openPledge = (item: Ranked) =>
  void Taro.navigateTo({
    url: `${staffPages.pledgeDetail}?id=${encodeURIComponent(item.pledgeId)}`,
  })

const columns: DeskColumn<Ranked>[] = [
  { key: 'rank', title: '名次', value: (item) => item.rank, sortable: true, width: '5em' },
  {
    key: 'name',
    title: '经营者',
    value: (item) => item.displayName,
    sortable: true,
    filter: 'text',
  },
  { key: 'business', title: '经营内容', value: (item) => item.business, filter: 'text' },
  {
    key: 'region',
    title: '地区',
    value: (item) => item.regionName,
    sortable: true,
    filter: 'choice',
  },
  {
    key: 'score',
    title: '考评得分',
    value: (item) => item.score ?? -1,
    render: (item) => (item.score === null ? '未考评' : `${item.score}分`),
    sortable: true,
    width: '7em',
  },
  {
    key: 'rating',
    title: '群众评价',
    value: (item) => item.rating.average ?? -1,
    render: (item) => ratingText(item.rating),
    sortable: true,
  },
  {
    key: 'award',
    title: '示范',
    value: (item) => (item.award ? MODEL_STORE_AWARD : '—'),
    filter: 'choice',
  },
]

function RankRow({ item }: { item: Ranked }) {
  const rank = item.rank
  return (
    <View
      className="card pledge-ranking__row"
      hoverClass="pledge-ranking__row--pressed"
      onClick={() => openPledge(item)}
    >
      <Text className={`pledge-ranking__rank${rank <= 3 ? ' pledge-ranking__rank--top' : ''}`}>
        {rank}
      </Text>
      <View className="pledge-ranking__body">
        <Text className="pledge-ranking__name">{item.displayName}</Text>
        <Text className="pledge-ranking__meta text-secondary">
          {item.business} · {item.regionName}
        </Text>
        <Text className="pledge-ranking__meta">群众评价：{ratingText(item.rating)}</Text>
        {item.award && <Text className="pledge-ranking__award">🏅 {MODEL_STORE_AWARD}</Text>}
      </View>
      <Text className="pledge-ranking__score">
        {item.score === null ? '未考评' : `${item.score}分`}
      </Text>
    </View>
  )
}

export default withPageFrame(PledgeRankingPage)
