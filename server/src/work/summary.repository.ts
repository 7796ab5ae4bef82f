import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema.ts'
import { metric } from '../ledgers/metrics.ts'
import { yearDays } from './training.repository.ts'

type Db = Kysely<Database>

/**
 * Every count here comes back per bucket: with `perChild` the child region (one level below
 * `root`, as its path) a row lies in, '' for the root's own rows; without, '' for all of them.
 */
export interface Scope {
  root: string
  perChild: boolean
}

const count = z.number()
const bucketed = <T extends z.ZodRawShape>(shape: T) =>
  z.array(z.object({ bucket: z.string(), ...shape }))

/** What ledger_work_count (migrations/repeatable/work_figures.sql) answers, per count. */
const WorkCounts = {
  training: bucketed({
    sessions: count,
    people: count,
    activitySessions: count,
    activityPeople: count,
  }),
  targets: bucketed({ counties: count, meeting: count }),
  liaisons: bucketed({ liaisons: count, paired: count, organisations: count }),
  visits: bucketed({ visits: count, visitors: count }),
  stations: bucketed({ stations: count }),
  committees: bucketed({
    cities: count,
    citiesSetUp: count,
    counties: count,
    countiesSetUp: count,
  }),
}

/** The six counts as ledger_work_count answers them, one key each. */
export const WorkCountsAnswer = z.object(WorkCounts)
export type WorkCountsRows = z.infer<typeof WorkCountsAnswer>

/**
 * What the work counts of `year` are asked with (the year's days, the training target's
 * attendees, the metric names of the training activities' tallies): the arguments of
 * ledger_work_count, and of ledger_county_reads, which asks all six for a county's ledger.
 */
export function workCountParams(year: number, attendees: number) {
  const { from, to } = yearDays(year)
  return {
    from,
    to,
    attendees,
    training: metric.activitiesTraining,
    trained: metric.activitiesTrained,
    yearText: String(year),
  }
}

/**
 * The six counts of 本级工作 (training, the county target, liaisons, visits, guidance
 * stations, committees), each a call of a database function whose statement is planned once
 * per connection (planned afresh each time they cost a county ledger some 3 ms), asked side
 * by side: a ledger waits for the slowest, not the sum, and on the embedded database no one
 * statement holds the thread for all six.
 */
export async function workCounts(
  db: Db,
  scope: Scope,
  year: number,
  attendees: number,
): Promise<WorkCountsRows> {
  const p = workCountParams(year, attendees)
  const ask = async <S extends z.ZodType>(which: keyof typeof WorkCounts, schema: S) => {
    const { rows } = await sql<{ counts: unknown }>`select ledger_work_count(${which},
      ${scope.root}::ltree, ${scope.perChild}, ${p.from}::date, ${p.to}::date,
      ${p.attendees}::int, ${p.training}, ${p.trained}, ${p.yearText}) as counts`.execute(db)
    const parsed: z.infer<S> = schema.parse(rows[0]?.counts)
    return parsed
  }
  const [training, targets, liaisons, visits, stations, committees] = await Promise.all([
    ask('training', WorkCounts.training),
    ask('targets', WorkCounts.targets),
    ask('liaisons', WorkCounts.liaisons),
    ask('visits', WorkCounts.visits),
    ask('stations', WorkCounts.stations),
    ask('committees', WorkCounts.committees),
  ])
  return { training, targets, liaisons, visits, stations, committees }
}
