import { placeStatusNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { LedgerStation } from '../../services/ledgers'

/** One station of the care network with its own figures. */
export default function StationCard({
  station,
  onOpen,
}: {
  station: LedgerStation
  onOpen: () => void
}) {
  const open = station.status === 'open'
  return (
    <View className="card ledger-record" hoverClass="ledger-record--pressed" onClick={onOpen}>
      <View className="ledger-record__head">
        <Text className="ledger-record__name">{station.name}</Text>
        <Text className={`ledger-record__tag${open ? ' ledger-record__tag--ok' : ''}`}>
          {placeStatusNames[station.status]}
        </Text>
      </View>
      <Text className="text-secondary">
        {station.regionName} · {station.kindLabel}
        {station.roundTheClock ? ' · 24小时' : ''}
      </Text>
      {station.kind === 'flow_branch' && (
        <View className="ledger-record__figures">
          <Text>已报到 {station.checkinsApproved}</Text>
          <Text>待审核 {station.checkinsPending}</Text>
        </View>
      )}
      {station.facilities.length > 0 && (
        <Text className="ledger-record__org">设施：{station.facilities.join('、')}</Text>
      )}
    </View>
  )
}
