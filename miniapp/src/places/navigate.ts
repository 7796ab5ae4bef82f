import Taro from '@tarojs/taro'
import type { PlaceSummary } from '../services/places'

type Destination = Pick<PlaceSummary, 'lat' | 'lng' | 'name' | 'address'>

/**
 * WeChat's own map with the route options (GCJ-02, like our data). H5 has no openLocation:
 * Amap's marker page takes GCJ-02 too and offers navigation from there.
 */
export function navigateTo(place: Destination): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(amapMarkerUrl(place), '_blank')
    return
  }
  Taro.openLocation({
    latitude: place.lat,
    longitude: place.lng,
    name: place.name,
    address: place.address,
    scale: 17,
  }).catch(() => undefined)
}

export function amapMarkerUrl(place: Pick<PlaceSummary, 'lat' | 'lng' | 'name'>): string {
  const name = encodeURIComponent(place.name)
  return `https://uri.amap.com/marker?position=${place.lng},${place.lat}&name=${name}&coordinate=gaode&callnative=1`
}
