import { describe, expect, it } from 'vitest'
import { spotPositions } from './hotspot-map'

const at = (lat: number, lng: number) => ({ location: { lat, lng } })

describe('spotPositions', () => {
  it('puts the spots in their bounding box, north up, inside a margin', () => {
    const [a, b, c] = spotPositions([at(26.1, 119.3), at(26.0, 119.4), at(26.05, 119.35)])
    expect(a).toMatchObject({ left: 8, top: 8 })
    expect(b).toMatchObject({ left: 92, top: 92 })
    expect(c?.left).toBeCloseTo(50)
    expect(c?.top).toBeCloseTo(50)
  })
  it('centres a single spot and draws none without spots', () => {
    expect(spotPositions([at(26, 119)])[0]).toMatchObject({ left: 50, top: 50 })
    expect(spotPositions([])).toEqual([])
  })
})
