import { Map as TaroMap, View } from '@tarojs/components'
import markerIcon from '../assets/tabbar/nearby-active.png'
import type { PlaceSummary, Point } from '../services/places'
import { framePoints, placeMarkers } from './markers'

interface Props {
  me: Point
  items: PlaceSummary[]
  onOpen: (place: PlaceSummary) => void
}

/** WeChat's map (GCJ-02, like our data): the rider, the places, a tap on a bubble opens one. */
export default function PlaceMap({ me, items, onOpen }: Props) {
  const open = (markerId: number | string) => {
    const place = items[Number(markerId)]
    if (place) onOpen(place)
  }
  return (
    <View className="nearby__map-box">
      <TaroMap
        id="nearby-map"
        className="nearby__map"
        latitude={me.lat}
        longitude={me.lng}
        scale={15}
        showLocation
        markers={placeMarkers(items, markerIcon)}
        includePoints={framePoints(me, items)}
        onCalloutTap={(event) => open(event.detail.markerId)}
        onError={() => undefined}
      />
    </View>
  )
}
