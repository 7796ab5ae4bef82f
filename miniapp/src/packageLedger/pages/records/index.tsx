import { Button, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import { usePagedList } from '../../../hooks/usePagedList'
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
import CheckinCard from '../../records/CheckinCard'
import MarketCard from '../../records/MarketCard'
import { recordFilters, recordsTitle, recordType } from '../../records/record-filters'
import StationCard from '../../records/StationCard'
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

type Row = LedgerMarket | LedgerStation | LedgerCheckin

const notes = {
  markets: '自报与已核验分别标注；点开查看登记详情。',
  stations: '点开查看阵地详情和报到。',
  checkins: '按党员登记所在地区计；点开查看报到的支部。',
}

function Records() {
  const { params } = useRouter()
  const region = params.region ?? ''
  const type = recordType(params.type)
  const [filters] = useState(() => recordFilters(params))
  const loader = useCallback(
    (after?: string) => {
      if (type === 'markets') return fetchLedgerMarkets(region, filters.markets, after)
      if (type === 'checkins') return fetchLedgerCheckins(region, filters.checkins, after)
      return fetchLedgerStations(region, filters.stations, after)
    },
    [type, region, filters],
  )
  const { list, reload, loadMore } = usePagedList<Row>(loader)
  useReachBottom(loadMore)
  const name = useRegionName(region)
  const open = (url: string) => void Taro.navigateTo({ url })
  const place = (id: string) => open(`${staffPages.placeEdit}?id=${id}`)
  return (
    <View className="page ledger-records">
      <View className="card">
        <Text className="card__title">
          {name} {recordsTitle(type, filters)}
        </Text>
        <Text className="text-secondary">{notes[type]}</Text>
      </View>
      {list.phase === 'loading' && <PageNotice text="正在加载…" />}
      {list.phase === 'failed' && <PageNotice text={list.problem ?? '加载失败'} onRetry={reload} />}
      {list.phase === 'ready' && list.items.length === 0 && <PageNotice text="没有记录。" />}
      {list.items.map((row) => {
        if ('membershipId' in row)
          return (
            <MarketCard
              key={row.membershipId}
              market={row}
              onOpen={() => open(`${staffPages.reviewDetail}?id=${row.membershipId}`)}
            />
          )
        if ('memberName' in row)
          return <CheckinCard key={row.id} checkin={row} onOpen={() => place(row.placeId)} />
        return <StationCard key={row.id} station={row} onOpen={() => place(row.id)} />
      })}
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
