import {
  ErrorBody,
  facilityNames,
  LedgerCheckinPage,
  LedgerCheckinQuery,
  LedgerMarketPage,
  LedgerMarketQuery,
  LedgerStationPage,
  LedgerStationQuery,
  orgFormNames,
  Platform,
  placeKindNames,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { regionInScope } from '../auth/region-scope.ts'
import { decodePlaceCursor, page } from '../kernel/keyset-cursor.ts'
import { firstPageTotal } from '../kernel/page-total.ts'
import {
  type CheckinRow,
  countCheckins,
  countMarkets,
  countStations,
  detailKey,
  listCheckins,
  listMarkets,
  listStations,
  type MarketRow,
  type StationRow,
} from './detail.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }
const tags = ['ledgers']
const label = (names: Record<string, string>, key: string) => names[key] ?? key

export const toLedgerMarket = (row: MarketRow) => ({
  membershipId: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  marketName: row.market_name ?? '',
  opener: row.opener ?? '',
  stalls: row.stalls,
  memberStallOwners: row.member_stalls,
  orgForm: row.org_form,
  orgFormLabel: label(orgFormNames, row.org_form),
  orgName: row.org_name,
  class: row.state === 'verified' ? ('verified' as const) : ('reported' as const),
})

export const toLedgerStation = (row: StationRow) => ({
  id: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  name: row.name,
  kind: row.kind,
  kindLabel: label(placeKindNames, row.kind),
  status: row.status,
  roundTheClock: row.always_open,
  facilities: row.facilities.map((facility) => label(facilityNames, facility)),
  checkinsApproved: row.checkins_approved,
  checkinsPending: row.checkins_pending,
  lastCheckedOn: row.last_checked_on,
})

export const toLedgerCheckin = (row: CheckinRow) => ({
  id: row.id,
  regionCode: row.region_code,
  regionName: row.region_name,
  memberName: row.member_name,
  // '' is stamped for a member without a platform (not a rider).
  platform: Platform.safeParse(row.platform).data ?? null,
  placeId: row.place_id,
  placeName: row.place_name,
  decidedAt: row.decided_at?.toISOString() ?? null,
})

/** The records behind a ledger's figures, one row each, within the caller's jurisdiction. */
const ledgerDetailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ledgers/markets',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The markets ledger per market (opener, stalls, members, organisation)',
        querystring: LedgerMarketQuery,
        response: { 200: LedgerMarketPage, ...errors },
      },
    },
    async (request) => {
      const { region: code, after, ...filter } = request.query
      const region = await regionInScope(app.db, staffCaller(request), code)
      const rows = await listMarkets(app.db, region, filter, decodePlaceCursor(after))
      const { shown, next } = page(rows, filter.limit, (row) =>
        detailKey(row.region_code, row.market_name ?? ''),
      )
      return {
        items: shown.map(toLedgerMarket),
        next,
        ...(await firstPageTotal(after, () => countMarkets(app.db, region, filter))),
      }
    },
  )

  app.get(
    '/ledgers/stations',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'The care network per place, with its check-ins: the drill-down to a station',
        querystring: LedgerStationQuery,
        response: { 200: LedgerStationPage, ...errors },
      },
    },
    async (request) => {
      const { region: code, after, ...query } = request.query
      const region = await regionInScope(app.db, staffCaller(request), code)
      const rows = await listStations(app.db, region, query, decodePlaceCursor(after))
      const { shown, next } = page(rows, query.limit, (row) => detailKey(row.region_code, row.name))
      return {
        items: shown.map(toLedgerStation),
        next,
        ...(await firstPageTotal(after, () => countStations(app.db, region, query))),
      }
    },
  )

  app.get(
    '/ledgers/checkins',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary:
          "Confirmed check-ins (报到) the riders ledger counts: members' region and platform",
        querystring: LedgerCheckinQuery,
        response: { 200: LedgerCheckinPage, ...errors },
      },
    },
    async (request) => {
      const { region: code, after, ...query } = request.query
      const region = await regionInScope(app.db, staffCaller(request), code)
      const rows = await listCheckins(app.db, region, query, decodePlaceCursor(after))
      const { shown, next } = page(rows, query.limit, (row) =>
        detailKey(row.region_code, row.member_name),
      )
      return {
        items: shown.map(toLedgerCheckin),
        next,
        ...(await firstPageTotal(after, () => countCheckins(app.db, region, query))),
      }
    },
  )
}

export default ledgerDetailRoutes
