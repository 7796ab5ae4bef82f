import { describe, expect, it } from 'vitest'
import { wgs84ToGcj02 } from '../../src/places/gcj02'

/** Haversine on a 6,371 km sphere: enough to tell 590 m from 0. */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

describe('WGS-84 → GCJ-02', () => {
  it('moves a Fuzhou point to its GCJ-02 counterpart, some 590 m away', () => {
    // 东街口 as a browser reports it, and gcoord 1.0.7's GCJ-02 for it.
    const wgs = { lat: 26.0865, lng: 119.2965 }
    const gcj = wgs84ToGcj02(wgs)
    expect(gcj.lat).toBeCloseTo(26.08339, 5)
    expect(gcj.lng).toBeCloseTo(119.3013, 4)
    const shift = metresBetween(wgs, gcj)
    expect(shift).toBeGreaterThan(500)
    expect(shift).toBeLessThan(600)
  })

  it('lands the WGS-84 twin of a GCJ-02 place back on it, within a metre', () => {
    // 东街口爱心驿站 (GCJ-02, as stored) and its WGS-84 position, from gcoord.
    const stored = { lat: 26.08785, lng: 119.2965 }
    const gps = { lat: 26.09097, lng: 119.291706 }
    expect(metresBetween(wgs84ToGcj02(gps), stored)).toBeLessThan(1)
  })

  // gcoord tells China by a rough box (72–138° E, 0.8–55.8° N): Seoul or Singapore would
  // still shift, which no rider of ours meets.
  it('applies no shift outside China', () => {
    for (const point of [
      { lat: 48.8566, lng: 2.3522 }, // Paris
      { lat: 40.7128, lng: -74.006 }, // New York
      { lat: -33.8688, lng: 151.2093 }, // Sydney
    ])
      expect(wgs84ToGcj02(point)).toEqual(point)
  })
})
