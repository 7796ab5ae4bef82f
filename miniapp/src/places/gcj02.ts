import gcoord from 'gcoord'
import type { Point } from '../services/places'

/**
 * A browser's WGS-84 position in GCJ-02, the system our places and WeChat use. Taken as
 * is it puts a rider in Fuzhou some 590 m off. Outside gcoord's rough box around China
 * no shift is applied. Note gcoord's [lng, lat] order.
 */
export function wgs84ToGcj02(point: Point): Point {
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord.WGS84, gcoord.GCJ02) as [
    number,
    number,
  ]
  return { lat, lng }
}
