import {
  ActivityKind,
  activityKindNames,
  chinaYear,
  ErrorBody,
  LedgerActivityMemberPage,
  LedgerActivityMemberQuery,
  LedgerActivityPage,
  LedgerActivityPeopleQuery,
  LedgerActivityPersonPage,
  LedgerActivityQuery,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { regionInScope } from '../auth/region-scope.ts'
import { decodePlaceCursor, page } from '../kernel/keyset-cursor.ts'
import { firstPageTotal } from '../kernel/page-total.ts'
import {
  countActivities,
  countMembers,
  countPeople,
  detailKey,
  type LedgerActivityRow,
  type LedgerMemberRow,
  type LedgerPersonRow,
  listActivities,
  listMembers,
  listPeople,
} from './activity-detail.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }
const tags = ['ledgers']
const kindLabel = (kind: string) => activityKindNames[ActivityKind.parse(kind)]

const toLedgerActivity = (row: LedgerActivityRow) => ({
  id: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  title: row.title,
  kind: row.kind,
  kindLabel: kindLabel(row.kind),
  startsAt: row.starts_at.toISOString(),
  state: row.state,
  signedUp: row.signups_active,
  attended: row.attended,
})

const toLedgerPerson = (row: LedgerPersonRow) => ({
  id: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  memberName: row.member_name,
  activityId: row.activity_id,
  activityTitle: row.activity_title,
  kindLabel: kindLabel(row.kind),
  at: row.at.toISOString(),
})

const toLedgerMember = (row: LedgerMemberRow) => ({
  membershipId: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  memberName: row.member_name,
  attended: row.attended,
  flowAttended: row.flow_attended,
})

/** The records behind the ledger's 组织生活 figures, one row each, within the jurisdiction. */
const ledgerActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ledgers/activities',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Activities the ledger counts in a year (not cancelled), by county then title',
        querystring: LedgerActivityQuery,
        response: { 200: LedgerActivityPage, ...errors },
      },
    },
    async (request) => {
      const { region: code, after, year, ...filter } = request.query
      const query = { ...filter, year: year ?? chinaYear(app.clock()) }
      const region = await regionInScope(app.db, staffCaller(request), code)
      const rows = await listActivities(app.db, region, query, decodePlaceCursor(after))
      const { shown, next } = page(rows, query.limit, (row) =>
        detailKey(row.region_code, row.title),
      )
      return {
        items: shown.map(toLedgerActivity),
        next,
        ...(await firstPageTotal(after, () => countActivities(app.db, region, query))),
      }
    },
  )

  app.get(
    '/ledgers/activity-people',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: "Sign-ups or attendances of the ledger's activities in a year, one row each",
        querystring: LedgerActivityPeopleQuery,
        response: { 200: LedgerActivityPersonPage, ...errors },
      },
    },
    async (request) => {
      const { region: code, after, year, ...filter } = request.query
      const query = { ...filter, year: year ?? chinaYear(app.clock()) }
      const region = await regionInScope(app.db, staffCaller(request), code)
      const rows = await listPeople(app.db, region, query, decodePlaceCursor(after))
      const { shown, next } = page(rows, query.limit, (row) =>
        detailKey(row.region_code, row.member_name),
      )
      return {
        items: shown.map(toLedgerPerson),
        next,
        ...(await firstPageTotal(after, () => countPeople(app.db, region, query))),
      }
    },
  )

  app.get(
    '/ledgers/activity-members',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Members who attended at least one activity in a year, once per county',
        querystring: LedgerActivityMemberQuery,
        response: { 200: LedgerActivityMemberPage, ...errors },
      },
    },
    async (request) => {
      const { region: code, after, year, ...filter } = request.query
      const query = { ...filter, year: year ?? chinaYear(app.clock()) }
      const region = await regionInScope(app.db, staffCaller(request), code)
      const rows = await listMembers(app.db, region, query, decodePlaceCursor(after))
      const { shown, next } = page(rows, query.limit, (row) =>
        detailKey(row.region_code, row.member_name),
      )
      return {
        items: shown.map(toLedgerMember),
        next,
        ...(await firstPageTotal(after, () => countMembers(app.db, region, query))),
      }
    },
  )
}

export default ledgerActivityRoutes
