import { evaluablePeriods, MODEL_STORE_AWARD, periodLabel } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import RegionScope, { useRouteRegion } from '../../../components/RegionScope'
import SelectField from '../../../components/SelectField'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { useRemote } from '../../../hooks/useRemote'
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
      {state.phase === 'loading' && <PageNotice text="正在加载…" />}
      {state.phase === 'failed' && <PageNotice text={state.error.message} onRetry={reload} />}
      {state.phase === 'loaded' && state.value.items.length === 0 && (
        <PageNotice text="这一周期还没有考评或评价。" />
      )}
      {state.phase === 'loaded' &&
        state.value.items.map((item, index) => (
          <RankRow key={item.pledgeId} item={item} rank={index + 1} />
        ))}
    </View>
  )
}

function RankRow({ item, rank }: { item: RankingItem; rank: number }) {
  const open = () =>
    Taro.navigateTo({ url: `${staffPages.pledgeDetail}?id=${encodeURIComponent(item.pledgeId)}` })
  return (
    <View
      className="card pledge-ranking__row"
      hoverClass="pledge-ranking__row--pressed"
      onClick={open}
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
