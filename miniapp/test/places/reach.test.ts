import { describe, expect, it, vi } from 'vitest'
import {
  type AskNearby,
  coverageText,
  firstNearbyPage,
  nextNearbyPage,
  widenedText,
} from '../../src/places/reach'
import type { NearbyReach, PlacePage } from '../../src/services/places'
import { placeSummary } from '../place-fixtures'

const at = (name: string, distanceMeters: number) =>
  placeSummary({ id: crypto.randomUUID(), name, distanceMeters })

/**
 * A server in miniature: `places` are every open place, nearest first; pages of two, the
 * cursor the index of the next row.
 */
function server(places: ReturnType<typeof at>[]) {
  const ask = vi.fn<AskNearby>(async (reach: NearbyReach, after?: string): Promise<PlacePage> => {
    const reachable = places.filter(
      (place) => 'nearest' in reach || (place.distanceMeters ?? 0) <= reach.radius,
    )
    const from = after ? Number(after) : 0
    const next = from + 2 < reachable.length ? String(from + 2) : null
    return { items: reachable.slice(from, from + 2), next }
  })
  return ask
}

describe('widening the radius', () => {
  it('keeps to 3 km when something is there, in one question', async () => {
    const ask = server([at('近', 800), at('远', 7000)])
    const page = await firstNearbyPage(ask)
    expect(page.items.map((p) => p.name)).toEqual(['近'])
    expect(page.about).toEqual({ kind: 'within', radius: 3000, emptyWithin: null })
    expect(ask.mock.calls).toEqual([[{ radius: 3000 }]])
    expect(widenedText(page.about)).toBeNull()
    expect(coverageText(page.about)).toBe('3 公里内，由近到远')
  })

  it('widens to the step holding the nearest place and says which', async () => {
    const ask = server([
      at('七公里', 7000),
      at('八公里', 8000),
      at('九公里', 9000),
      at('十二', 12_000),
    ])
    const page = await firstNearbyPage(ask)
    expect(ask.mock.calls).toEqual([[{ radius: 3000 }], [{ nearest: true }]])
    expect(page.about).toEqual({ kind: 'within', radius: 10_000, emptyWithin: 5000 })
    expect(widenedText(page.about)).toBe('5 公里内没有，已为你扩大到 10 公里')
    expect(coverageText(page.about)).toBe('10 公里内，由近到远')
    expect(page.items.map((p) => p.name)).toEqual(['七公里', '八公里'])

    // The rest of 10 km follows, asked with the radius: 12 km stays out.
    expect(page.next).not.toBeNull()
    const more = await nextNearbyPage(ask, page.next ?? '')
    expect(ask.mock.calls[2]).toEqual([{ radius: 10_000 }, '2'])
    expect(more.items.map((p) => p.name)).toEqual(['九公里'])
    expect(more.next).toBeNull()
  })

  it('stops at the radius when the nearest page already reaches past it', async () => {
    const ask = server([at('四公里', 4000), at('六公里', 6000)])
    const page = await firstNearbyPage(ask)
    expect(page.items.map((p) => p.name)).toEqual(['四公里'])
    expect(page.next).toBeNull()
    expect(widenedText(page.about)).toBe('3 公里内没有，已为你扩大到 5 公里')
  })

  it('beyond 20 km lists the nearest places anyway, with how far the nearest is', async () => {
    const ask = server([at('甲', 23_400), at('乙', 30_000), at('丙', 41_000)])
    const page = await firstNearbyPage(ask)
    expect(page.items.map((p) => p.name)).toEqual(['甲', '乙'])
    expect(page.about).toMatchObject({ kind: 'beyond', emptyWithin: 20_000 })
    expect(widenedText(page.about)).toBe('20 公里内没有，最近的爱心驿站在 23 公里外')
    const more = await nextNearbyPage(ask, page.next ?? '')
    expect(ask.mock.calls[2]).toEqual([{ nearest: true }, '2'])
    expect(more.items.map((p) => p.name)).toEqual(['丙'])
  })

  it('says there is nothing at all when even the nearest question finds none', async () => {
    const page = await firstNearbyPage(server([]))
    expect(page).toEqual({ items: [], next: null, about: { kind: 'none' } })
    expect(widenedText(page.about)).toBeNull()
  })
})
