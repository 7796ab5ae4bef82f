import { placeKindNames } from '@djt/shared'
import type { PlaceSummary, Point } from '../services/places'
import { colours } from '../styles/tokens'
import { formatDistance } from './format'

/** A WeChat map marker; numeric ids are the list index (WeChat updates those fastest). */
export interface PlaceMarker {
  id: number
  latitude: number
  longitude: number
  iconPath: string
  width: number
  height: number
  title: string
  callout: {
    content: string
    color: string
    fontSize: number
    anchorX: number
    anchorY: number
    borderRadius: number
    borderWidth: number
    borderColor: string
    bgColor: string
    padding: number
    display: 'BYCLICK' | 'ALWAYS'
    textAlign: 'left' | 'right' | 'center'
  }
}

/** One marker per place; its bubble says name, kind and distance, and opens the place. */
export function placeMarkers(items: readonly PlaceSummary[], iconPath: string): PlaceMarker[] {
  return items.map((place, index) => ({
    id: index,
    latitude: place.lat,
    longitude: place.lng,
    iconPath,
    width: 32,
    height: 32,
    title: place.name,
    callout: {
      content: calloutText(place),
      color: colours.text,
      fontSize: 14,
      anchorX: 0,
      anchorY: -4,
      borderRadius: 6,
      borderWidth: 1,
      borderColor: colours.partyRed,
      bgColor: colours.cardBg,
      padding: 8,
      // The nearest one's bubble is open: the answer to "where do I go" without a tap.
      display: index === 0 ? 'ALWAYS' : 'BYCLICK',
      textAlign: 'left',
    },
  }))
}

function calloutText(place: PlaceSummary): string {
  const distance =
    place.distanceMeters === undefined ? '' : ` · ${formatDistance(place.distanceMeters)}`
  return `${place.name}\n${placeKindNames[place.kind]}${distance}${place.openNow ? ' · 营业中' : ''}`
}

/** The rider and every place, so the map frames them all. */
export function framePoints(me: Point, items: readonly PlaceSummary[]) {
  return [
    { latitude: me.lat, longitude: me.lng },
    ...items.map((place) => ({ latitude: place.lat, longitude: place.lng })),
  ]
}
