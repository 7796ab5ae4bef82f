import type { CoordinateSystem } from '@djt/shared'
import gcoordModule from 'gcoord'

// gcoord's types declare an ES default export, but its CommonJS build has none: Node hands
// the whole module.exports over as the default import, which is the converter itself.
const gcoord = gcoordModule as unknown as (typeof gcoordModule)['default']
const from = { wgs84: gcoord.WGS84, bd09: gcoord.BD09 } as const

/** A point in GCJ-02, the system everything here is stored in. Note gcoord's [lng, lat]. */
export function toGcj02(crs: CoordinateSystem, lat: number, lng: number) {
  if (crs === 'gcj02') return { lat, lng }
  const [gcjLng, gcjLat] = gcoord.transform([lng, lat], from[crs], gcoord.GCJ02) as [number, number]
  return { lat: gcjLat, lng: gcjLng }
}
