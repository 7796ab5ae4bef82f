import {
  CloseDifficultyRequest,
  DifficultyHotspotQuery,
  DifficultyHotspots,
  DifficultyIdParams,
  DifficultyPhotoParams,
  ErrorBody,
  ForwardDifficultyRequest,
  ReplyDifficultyRequest,
  StaffDifficulty,
  StaffDifficultyPage,
  StaffDifficultyQuery,
} from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { BinaryFile } from '../http/binary.ts'
import { notFound } from '../http/errors.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import { photoReply, sendPhoto } from '../uploads/photos.routes.ts'
import {
  countDifficultiesInScope,
  findDifficultyInScope,
  isDifficultyPhoto,
  listDifficultiesInScope,
} from './difficulties.repository.ts'
import {
  closeDifficultyWithOutcome,
  forwardDifficulty,
  replyToDifficulty,
  withDetails,
} from './difficulties.service.ts'
import { toStaffDifficulty } from './difficulties.view.ts'
import { difficultyHotspots } from './hotspots.service.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['difficulties']
const access = { staff: 'station' } as const

async function detail(app: FastifyInstance, caller: StaffCaller, id: string) {
  const row = await findDifficultyInScope(app.db, caller, id)
  if (!row) throw notFound('诉求')
  const [shown] = await withDetails(app.db, [row], toStaffDifficulty)
  if (!shown) throw notFound('诉求')
  return shown
}

/** Staff answer the riders' difficulties of their jurisdiction: reply, forward, close. */
const staffDifficultiesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/difficulties',
    {
      config: { access },
      schema: {
        tags,
        summary: "My jurisdiction's difficulties, oldest first",
        querystring: StaffDifficultyQuery,
        response: { 200: StaffDifficultyPage, ...errors },
      },
    },
    async (request) => {
      const { region, after, limit, ...filter } = request.query
      const cursor = decodeCursor(after)
      const scope = await narrowScope(app.db, staffCaller(request), region)
      const rows = await listDifficultiesInScope(
        app.db,
        scope,
        { ...filter, limit },
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, limit, (row) => ({
        queuedAt: row.created_at,
        id: row.id,
      }))
      return {
        items: await withDetails(app.db, shown, toStaffDifficulty),
        next,
        total: await countDifficultiesInScope(app.db, scope, filter),
      }
    },
  )

  app.get(
    '/staff/difficulties/hotspots',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Per county and category, open and closed; for a county, its hot spots',
        querystring: DifficultyHotspotQuery,
        response: { 200: DifficultyHotspots, ...errors },
      },
    },
    async (request) => {
      const { region, ...filter } = request.query
      const scope = await narrowScope(app.db, staffCaller(request), region)
      return difficultyHotspots(app.db, scope, filter)
    },
  )

  app.get(
    '/staff/difficulties/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One difficulty of my jurisdiction with every answer',
        params: DifficultyIdParams,
        response: { 200: StaffDifficulty, ...errors },
      },
    },
    async (request) => detail(app, staffCaller(request), request.params.id),
  )

  app.post(
    '/staff/difficulties/:id/reply',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Reply to a difficulty; the rider reads it',
        params: DifficultyIdParams,
        body: ReplyDifficultyRequest,
        response: { 200: StaffDifficulty, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          replyToDifficulty(trx, caller, request.params.id, request.body.text, context),
        )
      return detail(app, caller, request.params.id)
    },
  )

  app.post(
    '/staff/difficulties/:id/forward',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Forward a difficulty to another county inside my jurisdiction',
        params: DifficultyIdParams,
        body: ForwardDifficultyRequest,
        response: { 200: StaffDifficulty, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => forwardDifficulty(trx, caller, request.params.id, request.body, context))
      return detail(app, caller, request.params.id)
    },
  )

  app.post(
    '/staff/difficulties/:id/close',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Close a difficulty with its outcome (已协调解决, 已转有关部门, 暂无法解决)',
        params: DifficultyIdParams,
        body: CloseDifficultyRequest,
        response: { 200: StaffDifficulty, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          closeDifficultyWithOutcome(trx, caller, request.params.id, request.body, context),
        )
      return detail(app, caller, request.params.id)
    },
  )

  app.get(
    '/staff/difficulties/:id/photos/:photoId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A photo the rider sent with a difficulty',
        params: DifficultyPhotoParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const { id, photoId } = request.params
      const row = await findDifficultyInScope(app.db, staffCaller(request), id)
      if (!row || !(await isDifficultyPhoto(app.db, id, photoId))) throw notFound('照片')
      const photo = await photoReply(app.db, photoId)
      return sendPhoto(reply, photo)
    },
  )
}

export default staffDifficultiesRoutes
