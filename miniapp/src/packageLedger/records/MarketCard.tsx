import { Text, View } from '@tarojs/components'
import type { LedgerMarket } from '../../services/ledgers'

/** One market of the markets ledger: opener, stalls, member stall owners, organisation. */
export default function MarketCard({
  market,
  onOpen,
}: {
  market: LedgerMarket
  onOpen: () => void
}) {
  const verified = market.class === 'verified'
  return (
    <View className="card ledger-record" hoverClass="ledger-record--pressed" onClick={onOpen}>
      <View className="ledger-record__head">
        <Text className="ledger-record__name">{market.marketName}</Text>
        <Text className={`ledger-record__tag${verified ? ' ledger-record__tag--ok' : ''}`}>
          {verified ? '已核验' : '自报'}
        </Text>
      </View>
      <Text className="text-secondary">
        {market.regionName} · 开办者 {market.opener}
      </Text>
      <View className="ledger-record__figures">
        <Text>摊位 {market.stalls}</Text>
        <Text>党员经营户 {market.memberStallOwners}</Text>
      </View>
      <Text className="ledger-record__org">
        党组织：{market.orgFormLabel}
        {market.orgName ? `（${market.orgName}）` : ''}
      </Text>
    </View>
  )
}
