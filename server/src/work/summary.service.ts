import { TRAINING_TARGET_ATTENDEES, type WorkFigures, type WorkSummary } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { workRegion } from '../regions/record-region.ts'
import { listRegions } from '../regions/regions.repository.ts'
import {
  type Scope,
  WorkCountsAnswer,
  type WorkCountsRows,
  workCountParams,
  workCounts,
} from './summary.repository.ts'

type Db = Kysely<Database>
type Region = WorkFigures['region']
type Counts = Omit<WorkFigures, 'region'>
interface LedgerRegion extends Region {
  path: string
}

/** Progress against the targets in `year`: the region as a whole, then each child region. */
export async function workSummary(
  db: Db,
  caller: StaffCaller,
  code: string | undefined,
  year: number,
): Promise<WorkSummary> {
  const region = await workRegion(db, caller, code, {
    levels: ['province', 'city', 'county'],
    field: 'query.region',
  })
  return workSummaryOf(db, region, year)
}

/**
 * The same for a region already resolved inside the reader's jurisdiction (a ledger has
 * it): every query at once, and for a county, which has no child region, no per-child one.
 */
export async function workSummaryOf(
  db: Db,
  region: LedgerRegion,
  year: number,
): Promise<WorkSummary> {
  const county = region.level === 'county'
  const [children, total, byChild] = await Promise.all([
    county ? Promise.resolve([]) : listRegions(db, region.code),
    countsByBucket(db, { root: region.path, perChild: false }, year),
    county
      ? Promise.resolve(new Map<string, Counts>())
      : countsByBucket(db, { root: region.path, perChild: true }, year),
  ])
  const figures = (of: Region, key: string): WorkFigures => ({
    region: of,
    ...(byChild.get(key) ?? emptyCounts()),
  })
  return {
    year,
    total: { region: pick(region), ...(total.get('') ?? emptyCounts()) },
    children: children.map((child) => figures(pick(child), `${region.path}.${child.code}`)),
  }
}

/** What a county's work counts are asked with (ledgers read them with the rest of its ledger). */
export const countyWorkParams = (year: number) => workCountParams(year, TRAINING_TARGET_ATTENDEES)

/**
 * A county's 本级工作 from the six counts read with its ledger (`counts` as
 * ledger_county_reads answers them, parsed here): a county has no child region.
 */
export function countyWorkSummary(
  region: LedgerRegion,
  year: number,
  counts: unknown,
): WorkSummary {
  const total = foldCounts(WorkCountsAnswer.parse(counts))
  return {
    year,
    total: { region: pick(region), ...(total.get('') ?? emptyCounts()) },
    children: [],
  }
}

const pick = ({ code, name, level }: Region): Region => ({ code, name, level })

function emptyCounts(): Counts {
  return {
    training: {
      sessions: 0,
      peopleTrained: 0,
      counties: 0,
      countiesMeetingTarget: 0,
      activitySessions: 0,
      activityPeople: 0,
    },
    liaison: {
      liaisons: 0,
      liaisonsWithOrganisation: 0,
      liaisonsVisited: 0,
      organisations: 0,
      visits: 0,
    },
    guidanceStations: 0,
    committees: { cities: 0, citiesSetUp: 0, counties: 0, countiesSetUp: 0 },
  }
}

/** Each count query once, folded into one Counts per bucket. */
async function countsByBucket(db: Db, scope: Scope, year: number): Promise<Map<string, Counts>> {
  return foldCounts(await workCounts(db, scope, year, TRAINING_TARGET_ATTENDEES))
}

/** The six counts' rows folded into one Counts per bucket. */
function foldCounts({
  training,
  targets,
  liaisons,
  visits,
  stations,
  committees,
}: WorkCountsRows): Map<string, Counts> {
  const buckets = new Map<string, Counts>()
  const at = (key: string) => {
    const counts = buckets.get(key) ?? emptyCounts()
    buckets.set(key, counts)
    return counts
  }
  for (const row of training) {
    Object.assign(at(row.bucket).training, {
      sessions: row.sessions,
      peopleTrained: row.people,
      activitySessions: row.activitySessions,
      activityPeople: row.activityPeople,
    })
  }
  for (const row of targets) {
    Object.assign(at(row.bucket).training, {
      counties: row.counties,
      countiesMeetingTarget: row.meeting,
    })
  }
  for (const row of liaisons) {
    Object.assign(at(row.bucket).liaison, {
      liaisons: row.liaisons,
      liaisonsWithOrganisation: row.paired,
      organisations: row.organisations,
    })
  }
  for (const row of visits) {
    Object.assign(at(row.bucket).liaison, { visits: row.visits, liaisonsVisited: row.visitors })
  }
  for (const row of stations) at(row.bucket).guidanceStations = row.stations
  for (const { bucket, ...counts } of committees) at(bucket).committees = counts
  return buckets
}
