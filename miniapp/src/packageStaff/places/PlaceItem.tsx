import { placeKindNames, placeStatusNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { PlaceStatus, PlaceSummary } from '../../services/places'
import EditActions from '../EditActions'

interface Props {
  place: PlaceSummary
  busy: boolean
  onEdit: () => void
  onStatus: (status: PlaceStatus) => void
}

/** One place with its status; 修改, and 暂停 or 恢复开放. */
export default function PlaceItem({ place, busy, onEdit, onStatus }: Props) {
  return (
    <View className="card staff-places__item">
      <View className="staff-places__head">
        <Text className="staff-places__name">{place.name}</Text>
        <Text className={`staff-places__status staff-places__status--${place.status}`}>
          {placeStatusNames[place.status]}
        </Text>
      </View>
      <Text className="text-secondary staff-places__meta">
        {placeKindNames[place.kind]} · {place.address}
      </Text>
      <PlaceActions place={place} busy={busy} onEdit={onEdit} onStatus={onStatus} />
    </View>
  )
}

/** 修改, and 暂停 or 恢复开放: under a card on a phone, at a row's end at the desk. */
export function PlaceActions({ place, busy, onEdit, onStatus }: Props) {
  const open = place.status === 'open'
  return (
    <EditActions
      busy={busy}
      onEdit={onEdit}
      status={open ? '暂停' : '恢复开放'}
      onStatus={() => onStatus(open ? 'suspended' : 'open')}
    />
  )
}
