import {
  DifficultyCategory,
  type DifficultyHotspots,
  difficultyCategoryNames,
  HOTSPOT_RADIUS_M,
  HOTSPOTS_MAX,
} from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { notFound } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'
import {
  countsByCounty,
  type HotspotFilter,
  locatedPoints,
  spotCounts,
} from './hotspots.repository.ts'

type Db = Kysely<Database>
type County = DifficultyHotspots['counties'][number]
type Spot = NonNullable<DifficultyHotspots['spots']>[number]

const categories = DifficultyCategory.options

/**
 * 热点: per county and category, open and closed; for a county, the places with repeated
 * difficulties. The centres are chosen here from the county's points (spotCentres); every
 * figure of a spot is then counted by the database around its centre, with the predicate
 * its list uses (hotspots.repository.ts), so a spot's number is its list's length.
 */
export async function difficultyHotspots(
  db: Db,
  scope: StaffCaller,
  filter: Omit<HotspotFilter, 'county'>,
): Promise<DifficultyHotspots> {
  const region = await findRegion(db, scope.regionCode)
  if (!region) throw notFound('地区')
  const county = region.level === 'county' ? region.code : undefined
  const scoped = { ...filter, county }
  const [rows, points] = await Promise.all([
    countsByCounty(db, scope, scoped),
    county ? locatedPoints(db, scope, scoped) : Promise.resolve([]),
  ])
  const counties = new Map<string, County>()
  let located = 0
  let unlocated = 0
  for (const row of rows) {
    const n = Number(row.n)
    const entry = counties.get(row.region_code) ?? emptyCounty(row.region_code, row.region_name)
    counties.set(row.region_code, entry)
    const byCategory = entry.byCategory.find((each) => each.category === row.category)
    entry[row.state] += n
    if (byCategory) byCategory[row.state] += n
    if (row.located) located += n
    else unlocated += n
  }
  return {
    region: { code: region.code, name: region.name, level: region.level },
    counties: [...counties.values()],
    spots: county ? await spots(db, scope, scoped, points) : null,
    located,
    unlocated,
  }
}

function emptyCounty(regionCode: string, regionName: string): County {
  return {
    regionCode,
    regionName,
    open: 0,
    closed: 0,
    byCategory: categories.map((category) => ({
      category,
      label: difficultyCategoryNames[category],
      open: 0,
      closed: 0,
    })),
  }
}

async function spots(
  db: Db,
  scope: StaffCaller,
  filter: HotspotFilter,
  points: readonly Point[],
): Promise<Spot[]> {
  const centres = spotCentres(points)
  const { counts, places } = await spotCounts(db, scope, filter, centres)
  const shown: Spot[] = []
  for (const id of centres) {
    const place = places.find((each) => each.id === id)
    if (!place || place.lat === null || place.lng === null) continue
    const spot: Spot = {
      id,
      name: place.place_name ?? place.place_address ?? '',
      address: place.place_address ?? '',
      location: { lat: place.lat, lng: place.lng },
      total: 0,
      open: 0,
      closed: 0,
      byCategory: [],
    }
    // Named as most of the riders there named it (chooseLocation's name of the place).
    const names = new Map<string, number>()
    for (const row of counts.filter((each) => each.id === id)) {
      const n = Number(row.n)
      if (row.place_name) names.set(row.place_name, (names.get(row.place_name) ?? 0) + n)
      spot.total += n
      spot[row.state] += n
      const byCategory = spot.byCategory.find((each) => each.category === row.category)
      if (byCategory) byCategory.count += n
      else
        spot.byCategory.push({
          category: row.category,
          label: difficultyCategoryNames[row.category],
          count: n,
        })
    }
    spot.byCategory.sort((a, b) => b.count - a.count)
    const [commonest] = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    if (commonest) spot.name = commonest[0]
    // Repeated: at least two there, as the database counts them.
    if (spot.total >= 2) shown.push(spot)
  }
  return shown.sort((a, b) => b.total - a.total || byText(a.id, b.id))
}

/** Code-unit order: for ids (uuids, whose order any collation agrees on) at a fraction of
 * localeCompare's cost, which was most of the time of ranking a crowded county's points. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export interface Point {
  id: string
  lat: number | null
  lng: number | null
}

const EARTH_RADIUS_M = 6_378_168 // earthdistance's earth()
const CELL_DEGREES = HOTSPOT_RADIUS_M / ((Math.PI / 180) * EARTH_RADIUS_M)

/** Metres between two points on earthdistance's sphere (great circle). */
export function metresBetween(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

interface LatLng {
  lat: number
  lng: number
}

/**
 * The centres of at most HOTSPOTS_MAX spots, busiest first: points on a grid of cells one
 * radius wide (in latitude; longitude cells narrow with cos(lat), so a radius never spans
 * more than one cell either way); a point's weight is the points in its cell and the eight
 * around it, which holds every point within the radius. The heaviest point not within the
 * radius of a chosen centre becomes the next centre. Linear in the points, whatever their
 * crowding: a crowded county is where spots matter.
 */
export function spotCentres(points: readonly Point[]): string[] {
  // Columns of plain arrays and numeric cell keys: a county's 10,000 points were ranked
  // in tens of milliseconds when each point was an object and each cell a string key.
  const ids: string[] = []
  const lats: number[] = []
  const lngs: number[] = []
  for (const point of points)
    if (point.lat !== null && point.lng !== null) {
      ids.push(point.id)
      lats.push(point.lat)
      lngs.push(point.lng)
    }
  const count = ids.length
  if (count < 2) return []
  let latSum = 0
  for (const lat of lats) latSum += lat
  const meanLat = latSum / count
  const lngDegrees = CELL_DEGREES / Math.max(Math.cos((meanLat * Math.PI) / 180), 0.1)
  // A cell's key: its row and column, each offset to be non-negative, in one number.
  const SPAN = 2 ** 22
  const rowOf = (i: number) => Math.floor((lats[i] ?? 0) / CELL_DEGREES)
  const columnOf = (i: number) => Math.floor((lngs[i] ?? 0) / lngDegrees)
  const keyOf = (row: number, column: number) => (row + SPAN) * SPAN * 2 + (column + SPAN)
  const cells = new Map<number, number[]>()
  const rows = new Int32Array(count)
  const columns = new Int32Array(count)
  for (let i = 0; i < count; i += 1) {
    const row = rowOf(i)
    const column = columnOf(i)
    rows[i] = row
    columns[i] = column
    const key = keyOf(row, column)
    const cell = cells.get(key)
    if (cell) cell.push(i)
    else cells.set(key, [i])
  }
  const weightOfCell = new Map<number, number>()
  const weights = new Int32Array(count)
  for (let i = 0; i < count; i += 1) {
    const row = rows[i] ?? 0
    const column = columns[i] ?? 0
    const key = keyOf(row, column)
    let total = weightOfCell.get(key)
    if (total === undefined) {
      total = 0
      for (let dr = -1; dr <= 1; dr += 1)
        for (let dc = -1; dc <= 1; dc += 1)
          total += cells.get(keyOf(row + dr, column + dc))?.length ?? 0
      weightOfCell.set(key, total)
    }
    weights[i] = total
  }
  const ranked: number[] = []
  for (let i = 0; i < count; i += 1) if ((weights[i] ?? 0) >= 2) ranked.push(i)
  ranked.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || byText(ids[a] ?? '', ids[b] ?? ''))
  const covered = new Uint8Array(count)
  const centres: string[] = []
  const at = (i: number) => ({ lat: lats[i] ?? 0, lng: lngs[i] ?? 0 })
  for (const i of ranked) {
    if (centres.length >= HOTSPOTS_MAX) break
    if (covered[i]) continue
    const centre = at(i)
    const near: number[] = []
    for (let dr = -1; dr <= 1; dr += 1)
      for (let dc = -1; dc <= 1; dc += 1)
        for (const j of cells.get(keyOf((rows[i] ?? 0) + dr, (columns[i] ?? 0) + dc)) ?? [])
          if (metresBetween(centre, at(j)) <= HOTSPOT_RADIUS_M) near.push(j)
    // Alone within the radius: no spot here (its cell's weight came from further off).
    if (near.length < 2) continue
    centres.push(ids[i] ?? '')
    for (const j of near) covered[j] = 1
  }
  return centres
}
