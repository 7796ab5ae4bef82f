import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
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

function bucket({ root, perChild }: Scope, path: Expression<string>): RawBuilder<string> {
  if (!perChild) return sql<string>`''`
  return sql<string>`case when nlevel(${path}) > nlevel(${root}::ltree)
    then subpath(${path}, 0, nlevel(${root}::ltree) + 1)::text else '' end`
}
const under = (scope: Scope, path: Expression<string>) =>
  sql<boolean>`${path} <@ ${scope.root}::ltree`
/** One liaison: their staff account when named, otherwise the name as entered. */
const liaisonKey = sql`coalesce(p.liaison_staff_id::text, 'name:' || p.liaison_name)`
const organisationKey = sql`coalesce(p.organisation_uscc, 'name:' || p.organisation_name)`

/**
 * Training sessions entered by hand in the year and their people, and beside them the
 * training activities (培训班) of ≥ 30 signed-in members and those members: the tallies the
 * activities keep (ledger_tallies.sql), keyed by the year. One query, one round trip.
 */
export function trainingCounts(db: Db, scope: Scope, year: number) {
  const { from, to } = yearDays(year)
  const float = (value: RawBuilder<unknown>) => sql<number>`${value}::float8`
  const entered = db
    .selectFrom('training_sessions as s')
    .select([
      's.region_path as path',
      float(sql`1`).as('sessions'),
      float(sql`s.attendees`).as('people'),
      float(sql`0`).as('activity_sessions'),
      float(sql`0`).as('activity_people'),
    ])
    .where(under(scope, sql.ref<string>('s.region_path')))
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
  const tallied = (name: string) => float(sql`case when t.metric = ${name} then t.value else 0 end`)
  const held = db
    .selectFrom('ledger_tallies as t')
    .select([
      't.region_path as path',
      float(sql`0`).as('sessions'),
      float(sql`0`).as('people'),
      tallied(metric.activitiesTraining).as('activity_sessions'),
      tallied(metric.activitiesTrained).as('activity_people'),
    ])
    .where(under(scope, sql.ref<string>('t.region_path')))
    .where('t.metric', 'in', [metric.activitiesTraining, metric.activitiesTrained])
    .where('t.key', '=', String(year))
  return db
    .selectFrom(entered.unionAll(held).as('x'))
    .select([
      bucket(scope, sql.ref<string>('x.path')).as('bucket'),
      sql<number>`sum(x.sessions)`.as('sessions'),
      sql<number>`sum(x.people)`.as('people'),
      sql<number>`sum(x.activity_sessions)`.as('activitySessions'),
      sql<number>`sum(x.activity_people)`.as('activityPeople'),
    ])
    .groupBy(sql`1`)
}

/**
 * Counties, and those that held ≥ 1 session of ≥ `attendees` people in the year: entered
 * by hand, or a training activity with that many signed in (its tally, one key probe).
 */
export function countyTargetCounts(db: Db, scope: Scope, year: number, attendees: number) {
  const path = sql.ref<string>('r.path')
  const { from, to } = yearDays(year)
  const met = sql`(exists (select 1 from training_sessions s where s.region_code = r.code
    and s.held_on between ${from} and ${to} and s.attendees >= ${attendees})
    or exists (select 1 from ledger_tallies t where t.region_code = r.code
    and t.metric = ${metric.activitiesTraining} and t.key = ${String(year)} and t.class = ''
    and t.value > 0))`
  return db
    .selectFrom('regions as r')
    .select([
      bucket(scope, path).as('bucket'),
      sql<number>`count(*)`.as('counties'),
      sql<number>`count(*) filter (where ${met})`.as('meeting'),
    ])
    .where('r.level', '=', 'county')
    .where(under(scope, path))
    .groupBy(sql`1`)
}

/** Liaisons paired by the year's end; those and the organisations paired during it. */
export function liaisonCounts(db: Db, scope: Scope, year: number) {
  const path = sql.ref<string>('p.region_path')
  const { from, to } = yearDays(year)
  const during = sql`p.ended_on is null or p.ended_on >= ${from}`
  return db
    .selectFrom('liaison_pairs as p')
    .select([
      bucket(scope, path).as('bucket'),
      sql<number>`count(distinct ${liaisonKey})`.as('liaisons'),
      sql<number>`count(distinct ${liaisonKey}) filter (where ${during})`.as('paired'),
      sql<number>`count(distinct ${organisationKey}) filter (where ${during})`.as('organisations'),
    ])
    .where(under(scope, path))
    .where('p.started_on', '<=', to)
    .groupBy(sql`1`)
}

export function visitCounts(db: Db, scope: Scope, year: number) {
  const path = sql.ref<string>('p.region_path')
  const { from, to } = yearDays(year)
  return db
    .selectFrom('liaison_visits as v')
    .innerJoin('liaison_pairs as p', 'p.id', 'v.pair_id')
    .select([
      bucket(scope, path).as('bucket'),
      sql<number>`count(*)`.as('visits'),
      sql<number>`count(distinct ${liaisonKey})`.as('visitors'),
    ])
    .where(under(scope, path))
    .where('v.visited_on', '>=', from)
    .where('v.visited_on', '<=', to)
    .groupBy(sql`1`)
}

/** 党建工作指导站 are places: the open ones count. */
export function guidanceStationCounts(db: Db, scope: Scope) {
  const path = sql.ref<string>('p.region_path')
  return db
    .selectFrom('places as p')
    .select([bucket(scope, path).as('bucket'), sql<number>`count(*)`.as('stations')])
    .where('p.kind', '=', 'guidance_station')
    .where('p.status', '=', 'open')
    .where(under(scope, path))
    .groupBy(sql`1`)
}

/** Cities and counties, and those whose 小个专党委 was set up by the year's end. */
export function committeeCounts(db: Db, scope: Scope, year: number) {
  const path = sql.ref<string>('r.path')
  const setUp = sql`c.set_up and c.set_up_on <= ${yearDays(year).to}`
  return db
    .selectFrom('regions as r')
    .leftJoin('party_committees as c', 'c.region_code', 'r.code')
    .select([
      bucket(scope, path).as('bucket'),
      sql<number>`count(*) filter (where r.level = 'city')`.as('cities'),
      sql<number>`count(*) filter (where r.level = 'city' and ${setUp})`.as('citiesSetUp'),
      sql<number>`count(*) filter (where r.level = 'county')`.as('counties'),
      sql<number>`count(*) filter (where r.level = 'county' and ${setUp})`.as('countiesSetUp'),
    ])
    .where('r.level', 'in', ['city', 'county'])
    .where(under(scope, path))
    .groupBy(sql`1`)
}

/**
 * The six counts in one statement, each a JSON array of its rows: one round trip where six
 * were, which was most of a county ledger's time on the wire.
 */
export function workCounts(db: Db, scope: Scope, year: number, attendees: number) {
  return db
    .selectNoFrom([
      jsonArrayFrom(trainingCounts(db, scope, year)).as('training'),
      jsonArrayFrom(countyTargetCounts(db, scope, year, attendees)).as('targets'),
      jsonArrayFrom(liaisonCounts(db, scope, year)).as('liaisons'),
      jsonArrayFrom(visitCounts(db, scope, year)).as('visits'),
      jsonArrayFrom(guidanceStationCounts(db, scope)).as('stations'),
      jsonArrayFrom(committeeCounts(db, scope, year)).as('committees'),
    ])
    .executeTakeFirstOrThrow()
}
