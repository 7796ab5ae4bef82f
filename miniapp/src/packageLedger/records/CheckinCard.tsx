import { chinaDateTime, platformNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { LedgerCheckin } from '../../services/ledgers'

/** One confirmed check-in (报到): the member, where they checked in, and when it was confirmed. */
export default function CheckinCard({
  checkin,
  onOpen,
}: {
  checkin: LedgerCheckin
  onOpen: () => void
}) {
  return (
    <View className="card ledger-record" hoverClass="ledger-record--pressed" onClick={onOpen}>
      <View className="ledger-record__head">
        <Text className="ledger-record__name">{checkin.memberName}</Text>
        <Text className="ledger-record__tag ledger-record__tag--ok">已报到</Text>
      </View>
      <Text className="text-secondary">
        {checkin.regionName}
        {checkin.platform ? ` · ${platformNames[checkin.platform]}` : ''}
      </Text>
      <Text className="ledger-record__org">报到支部：{checkin.placeName}</Text>
      {checkin.decidedAt && (
        <Text className="ledger-record__org">确认于 {chinaDateTime(checkin.decidedAt)}</Text>
      )}
    </View>
  )
}
