import { placeKindNames } from '@djt/shared'
import type { NearbyReach, PlacePage, PlaceSummary } from '../services/places'

/** The radii tried in turn, in metres; 20 km is the most the API looks within. */
export const RADIUS_STEPS = [3000, 5000, 10_000, 20_000] as const

/** What the list covers, said above it. */
export type Coverage =
  /** Every place within `radius`; `emptyWithin` is the widest step that held none. */
  | { kind: 'within'; radius: number; emptyWithin: number | null }
  /** Nothing within the last step: the nearest places anyway, however far. */
  | { kind: 'beyond'; emptyWithin: number; nearest: PlaceSummary }
  /** No open place at all (with the filters chosen). */
  | { kind: 'none' }

export type AskNearby = (reach: NearbyReach, after?: string) => Promise<PlacePage>

export interface NearbyPage {
  items: PlaceSummary[]
  next: string | null
  about?: Coverage
}

/**
 * The first page: within 3 km. When that is empty, one question for the nearest places
 * however far; the list then shows them within the smallest step reaching the nearest one
 * (5, 10 or 20 km), or all of them when even 20 km holds none. Two round trips at most on
 * a rider's weak network, instead of one per step.
 */
export async function firstNearbyPage(ask: AskNearby): Promise<NearbyPage> {
  const first = RADIUS_STEPS[0]
  const page = await ask({ radius: first })
  if (page.items.length > 0)
    return {
      items: page.items,
      next: continued({ radius: first }, page.next),
      about: { kind: 'within', radius: first, emptyWithin: null },
    }
  const nearest = await ask({ nearest: true })
  const closest = nearest.items[0]
  if (!closest) return { items: [], next: null, about: { kind: 'none' } }
  const distance = closest.distanceMeters ?? Number.POSITIVE_INFINITY
  const emptyWithin = RADIUS_STEPS.filter((step) => step < distance).at(-1) ?? null
  const radius = RADIUS_STEPS.find((step) => distance <= step)
  if (radius === undefined)
    return {
      items: nearest.items,
      next: continued({ nearest: true }, nearest.next),
      about: { kind: 'beyond', emptyWithin: emptyWithin ?? first, nearest: closest },
    }
  const within = nearest.items.filter((place) => (place.distanceMeters ?? 0) <= radius)
  // A page wholly within the radius goes on with the same cursor, asked with the radius.
  const more = within.length === nearest.items.length ? nearest.next : null
  return {
    items: within,
    next: continued({ radius }, more),
    about: { kind: 'within', radius, emptyWithin },
  }
}

/** A later page, asked the way the cursor says (a radius, or the nearest however far). */
export async function nextNearbyPage(ask: AskNearby, cursor: string): Promise<NearbyPage> {
  const dot = cursor.indexOf('.')
  const tag = cursor.slice(0, dot)
  const reach: NearbyReach = tag === 'n' ? { nearest: true } : { radius: Number(tag) }
  const page = await ask(reach, cursor.slice(dot + 1))
  return { items: page.items, next: continued(reach, page.next) }
}

/** The server's cursor with the reach it belongs to: `5000.<cursor>` or `n.<cursor>`. */
function continued(reach: NearbyReach, next: string | null): string | null {
  if (next === null) return null
  return `${'nearest' in reach ? 'n' : reach.radius}.${next}`
}

/** 「5 公里内没有，已为你扩大到 10 公里」, or where the nearest one is; null when not widened. */
export function widenedText(about: Coverage | undefined): string | null {
  if (about?.kind === 'within' && about.emptyWithin !== null)
    return `${km(about.emptyWithin)} 公里内没有，已为你扩大到 ${km(about.radius)} 公里`
  if (about?.kind === 'beyond') {
    const far = Math.round((about.nearest.distanceMeters ?? 0) / 1000)
    const kind = placeKindNames[about.nearest.kind]
    return `${km(about.emptyWithin)} 公里内没有，最近的${kind}在 ${far} 公里外`
  }
  return null
}

/** The bar above the list: which radius is shown. */
export function coverageText(about: Coverage | undefined): string {
  if (about?.kind === 'within') return `${km(about.radius)} 公里内，由近到远`
  return '按距离由近到远'
}

const km = (metres: number) => metres / 1000
