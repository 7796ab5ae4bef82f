/** 150米 under a kilometre (to the nearest 10 m), 1.2公里 up to 10 km, 12公里 beyond. */
export function formatDistance(meters: number): string {
  const tens = Math.round(meters / 10) * 10
  if (tens < 1000) return `${Math.max(tens, 10)}米`
  const km = meters / 1000
  return km < 10 ? `${Number(km.toFixed(1))}公里` : `${Math.round(km)}公里`
}

/** The `distance` a page was opened with (metres, from 附近), or null when absent or bad. */
export function distanceParam(value: string | undefined): number | null {
  if (!value || !/^\d{1,8}$/.test(value)) return null
  return Number(value)
}
