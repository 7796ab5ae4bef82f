import {
  ErrorBody,
  HonourIdParams,
  HonourRiderList,
  HonourRiderQuery,
  NominateHonourRequest,
  Platform,
  RevokeHonourRequest,
  StaffHonour,
  StaffHonourPage,
  StaffHonourQuery,
} from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { notFound } from '../http/errors.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import {
  countHonoursInScope,
  findHonourInScope,
  findVerifiedRiders,
  listHonoursInScope,
} from './honours.repository.ts'
import { nominateHonour, revokeHonourWithReason } from './honours.service.ts'
import { toStaffHonour } from './honours.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['honours']
/** County staff and above nominate (the seeds: cities select 最美骑手, counties propose). */
const access = { staff: 'county' } as const

async function detail(app: FastifyInstance, caller: StaffCaller, id: string) {
  const row = await findHonourInScope(app.db, caller, id)
  if (!row) throw notFound('荣誉')
  return toStaffHonour(row)
}

/** Staff nominate member riders of their jurisdiction as 最美骑手, list and revoke. */
const staffHonoursRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/honours',
    {
      config: { access },
      schema: {
        tags,
        summary: "My jurisdiction's 最美骑手 nominations, newest first",
        querystring: StaffHonourQuery,
        response: { 200: StaffHonourPage, ...errors },
      },
    },
    async (request) => {
      const { region, year, state, limit } = request.query
      const cursor = decodeCursor(request.query.after)
      const scope = await narrowScope(app.db, staffCaller(request), region)
      const rows = await listHonoursInScope(
        app.db,
        scope,
        { year, state, limit },
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, limit, (row) => ({
        queuedAt: row.created_at,
        id: row.id,
      }))
      return {
        items: shown.map(toStaffHonour),
        next,
        total: await countHonoursInScope(app.db, scope, { year, state }),
      }
    },
  )

  app.get(
    '/staff/honours/riders',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Verified member riders of my jurisdiction by name, to nominate one',
        querystring: HonourRiderQuery,
        response: { 200: HonourRiderList, ...errors },
      },
    },
    async (request) => {
      const scope = await narrowScope(app.db, staffCaller(request), request.query.region)
      const rows = await findVerifiedRiders(app.db, scope, request.query.name || undefined)
      return {
        items: rows.map((row) => ({
          membershipId: row.id,
          name: row.name ?? '',
          regionName: row.region_name,
          platform: Platform.safeParse(row.platform).data ?? null,
          cityCode: row.city_code,
          cityName: row.city_name,
        })),
      }
    },
  )

  app.post(
    '/staff/honours',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Nominate a verified member rider of my jurisdiction, with a citation',
        body: NominateHonourRequest,
        response: { 201: StaffHonour, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const id = await app.db
        .transaction()
        .execute((trx) =>
          nominateHonour(trx, caller, request.body, app.contentChecker, app.clock(), context),
        )
      return reply.status(201).send(await detail(app, caller, id))
    },
  )

  app.get(
    '/staff/honours/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One nomination of my jurisdiction',
        params: HonourIdParams,
        response: { 200: StaffHonour, ...errors },
      },
    },
    async (request) => detail(app, staffCaller(request), request.params.id),
  )

  app.post(
    '/staff/honours/:id/revoke',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Revoke an honour with a reason; it leaves the public list',
        params: HonourIdParams,
        body: RevokeHonourRequest,
        response: { 200: StaffHonour, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          revokeHonourWithReason(trx, caller, request.params.id, request.body.reason, context),
        )
      return detail(app, caller, request.params.id)
    },
  )
}

export default staffHonoursRoutes
