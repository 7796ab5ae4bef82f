import { facilityNames, placeKindNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { callPhone } from '../components/PhoneLink'
import type { PlaceSummary } from '../services/places'
import { keyFacilities } from './filters'
import { formatDistance } from './format'
import { navigateTo } from './navigate'

/** Key facilities first, so water and charging are seen at a glance. */
function facilityOrder(place: PlaceSummary) {
  const key = keyFacilities.filter((f) => place.facilities.includes(f))
  const rest = place.facilities.filter((f) => !keyFacilities.includes(f))
  return [...key, ...rest].slice(0, 6)
}

/**
 * A whole-width row to tap with a thumb: name and distance, kind and hours, facilities;
 * below it 导航 and 拨打, outside the part that opens the place.
 */
export default function PlaceRow({ place, onOpen }: { place: PlaceSummary; onOpen: () => void }) {
  const { phone } = place
  return (
    <View className="card nearby__row">
      <View className="nearby__row-body" hoverClass="nearby__row--pressed" onClick={onOpen}>
        <View className="nearby__row-head">
          <Text className="nearby__name">{place.name}</Text>
          {place.distanceMeters !== undefined && (
            <Text className="nearby__distance">{formatDistance(place.distanceMeters)}</Text>
          )}
        </View>
        <View className="nearby__row-meta">
          <Text className="text-secondary">{placeKindNames[place.kind]}</Text>
          <Text className={`nearby__open${place.openNow ? ' nearby__open--yes' : ''}`}>
            {place.openNow ? (place.always ? '24小时' : '营业中') : '休息中'}
          </Text>
        </View>
        {place.facilities.length > 0 && (
          <View className="nearby__facilities">
            {facilityOrder(place).map((facility) => (
              <Text key={facility} className="nearby__facility">
                {facilityNames[facility]}
              </Text>
            ))}
          </View>
        )}
        <Text className="nearby__address text-secondary">{place.address}</Text>
      </View>
      <View className="nearby__actions">
        <Button
          className="btn btn--primary nearby__action"
          hoverClass="btn--pressed"
          onClick={() => navigateTo(place)}
        >
          导航
        </Button>
        {phone && (
          <Button
            className="btn nearby__action"
            hoverClass="btn--pressed"
            onClick={() => callPhone(phone)}
          >
            拨打
          </Button>
        )}
      </View>
    </View>
  )
}
