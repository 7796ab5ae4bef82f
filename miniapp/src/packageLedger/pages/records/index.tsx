import { PlaceKind } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { usePagedList } from '../../../hooks/usePagedList'
import { useRegionName } from '../../../hooks/useRegionName'
import { staffPages } from '../../../routes'
import {
  fetchLedgerMarkets,
  fetchLedgerStations,
  type LedgerMarket,
  type LedgerStation,
} from '../../../services/ledgers'
import MarketCard from '../../records/MarketCard'
import StationCard from '../../records/StationCard'
import '../../records/records.scss'
import { withPageFrame } from '../../../components/PageFrame'

/**
 * 台账明细: one row per market or per station under a region, the drill-down below the
 * county. A station opens its own page; a market its registration.
 */
function LedgerRecordsPage() {
  return (
    <StaffOnly>
      <Records />
    </StaffOnly>
  )
}

type Row = LedgerMarket | LedgerStation

function Records() {
  const { type, region = '', kind: asked } = useRouter().params
  const kind = PlaceKind.safeParse(asked).data
  const markets = type === 'markets'
  const loader = useCallback(
    (after?: string) =>
      markets ? fetchLedgerMarkets(region, after) : fetchLedgerStations(region, kind, after),
    [markets, region, kind],
  )
  const { list, reload, loadMore } = usePagedList<Row>(loader)
  useReachBottom(loadMore)
  const name = useRegionName(region)
  const open = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className="page ledger-records">
      <View className="card">
        <Text className="card__title">
          {name} {markets ? '专业市场明细' : '关爱阵地明细'}
        </Text>
        <Text className="text-secondary">
          {markets ? '自报与已核验分别标注；点开查看登记详情。' : '点开查看阵地详情和报到。'}
        </Text>
      </View>
      {list.phase === 'loading' && <PageNotice text="正在加载…" />}
      {list.phase === 'failed' && <PageNotice text={list.problem ?? '加载失败'} onRetry={reload} />}
      {list.phase === 'ready' && list.items.length === 0 && <PageNotice text="没有记录。" />}
      {list.items.map((row) =>
        'membershipId' in row ? (
          <MarketCard
            key={row.membershipId}
            market={row}
            onOpen={() => open(`${staffPages.reviewDetail}?id=${row.membershipId}`)}
          />
        ) : (
          <StationCard
            key={row.id}
            station={row}
            onOpen={() => open(`${staffPages.placeEdit}?id=${row.id}`)}
          />
        ),
      )}
      {list.next && (
        <Button
          className="btn"
          hoverClass="btn--pressed"
          loading={list.phase === 'more'}
          onClick={loadMore}
        >
          加载更多
        </Button>
      )}
    </View>
  )
}

export default withPageFrame(LedgerRecordsPage)
