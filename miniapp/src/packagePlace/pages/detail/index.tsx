import { facilityNames, placeKindNames, placeOperatorNames, stationBrandNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { withPageFrame } from '../../../components/PageFrame'
import { callPhone } from '../../../components/PhoneLink'
import { useCurrentUser } from '../../../hooks/useSession'
import { distanceParam, formatDistance } from '../../../places/format'
import { navigateTo } from '../../../places/navigate'
import type { PlaceDetail } from '../../../services/places'
import BranchActivitiesCard from '../../detail/BranchActivitiesCard'
import CheckinCard from '../../detail/CheckinCard'
import HoursCard from '../../detail/HoursCard'
import { usePlace } from '../../detail/usePlace'
import './index.scss'

/** One place: open now and hours, facilities, 导航 and 拨打电话; 报到 at a branch. */
function PlaceDetailPage() {
  const { params } = useRouter()
  const { state, reload } = usePlace(params)
  if (state.phase === 'loading')
    return (
      <View className="page">
        <View className="card">
          <Text className="text-secondary">正在加载…</Text>
        </View>
      </View>
    )
  if (state.phase === 'failed')
    return (
      <View className="page">
        <View className="card">
          <Text className="text-secondary">{state.error.message}</Text>
          {state.error.status !== 404 && (
            <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={reload}>
              重试
            </Button>
          )}
        </View>
      </View>
    )
  return <PlaceView place={state.value} distance={distanceParam(params.distance)} />
}

/** `distance`: metres from the rider, when opened from 附近; a plaque scan has none. */
function PlaceView({ place, distance }: { place: PlaceDetail; distance: number | null }) {
  const { phone } = place
  const signedIn = useCurrentUser() !== null
  const brand = place.kind === 'care_station' && place.brand ? stationBrandNames[place.brand] : null
  return (
    <View className="page place">
      <View className="card">
        <Text className="place__name">{place.name}</Text>
        <Text className="text-secondary place__kind">
          {placeKindNames[place.kind]}
          {brand && brand !== placeKindNames[place.kind] ? ` · ${brand}` : ''}
        </Text>
        {distance !== null && (
          <Text className="place__distance">{`距你 ${formatDistance(distance)}`}</Text>
        )}
        <Text className="place__address">{place.address}</Text>
        <Text className="text-secondary place__line">{place.regionName}</Text>
        <Button
          className="btn btn--primary place__big"
          hoverClass="btn--pressed"
          onClick={() => navigateTo(place)}
        >
          导航
        </Button>
        {phone && (
          <Button
            className="btn place__big"
            hoverClass="btn--pressed"
            onClick={() => callPhone(phone)}
          >
            拨打电话 {phone}
          </Button>
        )}
      </View>
      <HoursCard hours={place.hours} openNow={place.openNow} />
      <View className="card">
        <Text className="card__title">设施</Text>
        {place.facilities.length === 0 ? (
          <Text className="text-secondary">暂无设施信息</Text>
        ) : (
          <View className="place__facilities">
            {place.facilities.map((facility) => (
              <Text key={facility} className="place__facility">
                {facilityNames[facility]}
              </Text>
            ))}
          </View>
        )}
      </View>
      {place.branch && <CheckinCard placeId={place.id} branch={place.branch} />}
      {place.branch && signedIn && <BranchActivitiesCard placeId={place.id} />}
      <Text className="text-secondary place__foot">
        运营方：{placeOperatorNames[place.operator]}
        {place.lastCheckedOn ? ` · 核查于 ${place.lastCheckedOn}` : ''}
      </Text>
    </View>
  )
}

export default withPageFrame(PlaceDetailPage)
