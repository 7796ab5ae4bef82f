import { z } from 'zod'

/**
 * The rectangle GCJ-02 converters (coordtransform, eviltransform) treat as China:
 * outside it GCJ-02 is not applied, so a point there cannot be one of ours.
 */
export const chinaBounds = {
  minLat: 0.8293,
  maxLat: 55.8271,
  minLng: 72.004,
  maxLng: 137.8347,
} as const

export function isInChina(lat: number, lng: number): boolean {
  return (
    lat >= chinaBounds.minLat &&
    lat <= chinaBounds.maxLat &&
    lng >= chinaBounds.minLng &&
    lng <= chinaBounds.maxLng
  )
}

function coordinate(name: '纬度' | '经度', min: number, max: number) {
  const outside = `${name}超出中国范围（应在${min}到${max}之间）`
  return z
    .number({ error: (issue) => (issue.input === undefined ? `缺少${name}` : `${name}应为数字`) })
    .min(min, outside)
    .max(max, outside)
}

/** A GCJ-02 point inside China, as WeChat's getLocation({ type: 'gcj02' }) returns it. */
export const GeoPoint = z.object(
  {
    lat: coordinate('纬度', chinaBounds.minLat, chinaBounds.maxLat),
    lng: coordinate('经度', chinaBounds.minLng, chinaBounds.maxLng),
  },
  { error: '位置应包含纬度和经度' },
)
export type GeoPoint = z.infer<typeof GeoPoint>
