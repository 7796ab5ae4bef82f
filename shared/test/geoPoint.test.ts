import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chinaBounds, GeoPoint, isInChina } from '../src/index.ts'

const messagesOf = (input: unknown) =>
  GeoPoint.safeParse(input).error?.issues.map(({ path, message }) => ({ path, message }))

describe('GCJ-02 point in China', () => {
  it('accepts 福州 鼓楼区 and the edges of the rectangle', () => {
    expect(isInChina(26.0823, 119.2965)).toBe(true)
    expect(GeoPoint.parse({ lat: 26.0823, lng: 119.2965 })).toEqual({ lat: 26.0823, lng: 119.2965 })
    expect(isInChina(chinaBounds.minLat, chinaBounds.minLng)).toBe(true)
    expect(isInChina(chinaBounds.maxLat, chinaBounds.maxLng)).toBe(true)
  })

  it('rejects Tokyo, naming the longitude', () => {
    expect(isInChina(35.6762, 139.6503)).toBe(false)
    expect(messagesOf({ lat: 35.6762, lng: 139.6503 })).toEqual([
      { path: ['lng'], message: '经度超出中国范围（应在72.004到137.8347之间）' },
    ])
  })

  it('rejects 0,0, naming both parts', () => {
    expect(isInChina(0, 0)).toBe(false)
    expect(messagesOf({ lat: 0, lng: 0 })).toEqual([
      { path: ['lat'], message: '纬度超出中国范围（应在0.8293到55.8271之间）' },
      { path: ['lng'], message: '经度超出中国范围（应在72.004到137.8347之间）' },
    ])
  })

  it('rejects missing, non-numeric and non-finite parts', () => {
    expect(messagesOf({})).toEqual([
      { path: ['lat'], message: '缺少纬度' },
      { path: ['lng'], message: '缺少经度' },
    ])
    expect(messagesOf({ lat: '26.08', lng: Number.POSITIVE_INFINITY })).toEqual([
      { path: ['lat'], message: '纬度应为数字' },
      { path: ['lng'], message: '经度应为数字' },
    ])
    expect(messagesOf(null)).toEqual([{ path: [], message: '位置应包含纬度和经度' }])
    expect(isInChina(Number.NaN, 119)).toBe(false)
  })

  it('agrees with the schema on every point', () => {
    const point = fc.record({
      lat: fc.double({ min: -10, max: 70, noNaN: true }),
      lng: fc.double({ min: 60, max: 150, noNaN: true }),
    })
    fc.assert(
      fc.property(point, ({ lat, lng }) => {
        expect(GeoPoint.safeParse({ lat, lng }).success).toBe(isInChina(lat, lng))
      }),
    )
  })
})
