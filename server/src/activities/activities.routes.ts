import {
  ActivityDetail,
  ActivityIdParams,
  ActivityPage,
  ActivityPhotoParams,
  ActivityRequest,
  CancelActivityRequest,
  CloseActivityRequest,
  ErrorBody,
  ManualAttendanceRequest,
  SignInCode,
  StaffActivityQuery,
} from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import QRCode from 'qrcode'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { BinaryFile } from '../http/binary.ts'
import { notFound } from '../http/errors.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import { photoReply, sendPhoto } from '../uploads/photos.routes.ts'
import {
  countActivitiesInScope,
  findActivityInScope,
  isActivityPhoto,
  listActivitiesInScope,
  listActivityPhotoIds,
} from './activities.repository.ts'
import { cancel, close, editActivity, publishActivity } from './activities.service.ts'
import { toActivity, toActivityDetail } from './activities.view.ts'
import { signInCodeFor, tickMember } from './attendance.service.ts'
import { signInCodesOf } from './sign-in-code.ts'
import { listAttendances, listSignups } from './signups.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['activities']
const access = { staff: 'station' } as const

/** One activity with its sign-ups and attendance, as the organiser reads it. */
async function detail(app: FastifyInstance, caller: StaffCaller, id: string) {
  const row = await findActivityInScope(app.db, caller, id)
  if (!row) throw notFound('活动')
  const [signups, attendances, photoIds] = await Promise.all([
    listSignups(app.db, id),
    listAttendances(app.db, id),
    listActivityPhotoIds(app.db, id),
  ])
  return toActivityDetail(row, signups, attendances, photoIds)
}

/** Staff publish, edit, cancel and close their jurisdiction's activities (组织生活). */
const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const codes = signInCodesOf(app.config)

  app.get(
    '/staff/activities',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Activities in my jurisdiction, latest start first',
        querystring: StaffActivityQuery,
        response: { 200: ActivityPage, ...errors },
      },
    },
    async (request) => {
      const { region, state, limit } = request.query
      const cursor = decodeCursor(request.query.after)
      const scope = await narrowScope(app.db, staffCaller(request), region)
      const rows = await listActivitiesInScope(
        app.db,
        scope,
        { state, limit },
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, limit, (row) => ({
        queuedAt: row.starts_at,
        id: row.id,
      }))
      return {
        items: shown.map(toActivity),
        next,
        total: await countActivitiesInScope(app.db, scope, state),
      }
    },
  )

  app.post(
    '/staff/activities',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Publish an activity in my jurisdiction',
        body: ActivityRequest,
        response: { 201: ActivityDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const id = await app.db
        .transaction()
        .execute((trx) => publishActivity(trx, caller, request.body, app.clock(), context))
      return reply.status(201).send(await detail(app, caller, id))
    },
  )

  app.get(
    '/staff/activities/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One activity with its sign-ups and attendance',
        params: ActivityIdParams,
        response: { 200: ActivityDetail, ...errors },
      },
    },
    async (request) => detail(app, staffCaller(request), request.params.id),
  )

  app.put(
    '/staff/activities/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Edit an activity before it starts',
        params: ActivityIdParams,
        body: ActivityRequest,
        response: { 200: ActivityDetail, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          editActivity(trx, caller, request.params.id, request.body, app.clock(), context),
        )
      return detail(app, caller, request.params.id)
    },
  )

  app.post(
    '/staff/activities/:id/cancel',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Cancel an activity with a reason (its members are told, and see it in their list)',
        params: ActivityIdParams,
        body: CancelActivityRequest,
        response: { 200: ActivityDetail, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => cancel(trx, caller, request.params.id, request.body.reason, context))
      // After the commit: the members signed up are told (where WeChat and a template are set).
      await app.notifyActivity({ activityId: request.params.id, what: 'cancelled' }, request.log)
      return detail(app, caller, request.params.id)
    },
  )

  app.post(
    '/staff/activities/:id/close',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Close an activity with its record; attendance is frozen',
        params: ActivityIdParams,
        body: CloseActivityRequest,
        response: { 200: ActivityDetail, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) =>
          close(
            trx,
            caller,
            request.params.id,
            request.body,
            app.contentChecker,
            app.clock(),
            context,
          ),
        )
      return detail(app, caller, request.params.id)
    },
  )

  app.get(
    '/staff/activities/:id/photos/:photoId',
    {
      config: { access },
      schema: {
        tags,
        summary: "A photo of an activity's closing record",
        params: ActivityPhotoParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const { id, photoId } = request.params
      const row = await findActivityInScope(app.db, staffCaller(request), id)
      if (!row || !(await isActivityPhoto(app.db, id, photoId))) throw notFound('照片')
      const photo = await photoReply(app.db, photoId)
      return sendPhoto(reply, photo)
    },
  )

  app.get(
    '/staff/activities/:id/sign-in-code',
    {
      config: { access },
      schema: {
        tags,
        summary: "The venue's sign-in code, a new one every 30 s",
        params: ActivityIdParams,
        response: { 200: SignInCode, ...errors },
      },
    },
    async (request) => {
      const now = app.clock()
      const current = await signInCodeFor(
        app.db,
        staffCaller(request),
        request.params.id,
        codes,
        now,
      )
      const svg = await QRCode.toString(current.code, { type: 'svg', margin: 1 })
      return {
        code: current.code,
        expiresAt: current.expiresAt.toISOString(),
        qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      }
    },
  )

  app.post(
    '/staff/activities/:id/attendances',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Sign a signed-up member in by hand, with a reason',
        params: ActivityIdParams,
        body: ManualAttendanceRequest,
        response: { 201: ActivityDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => tickMember(trx, caller, request.params.id, request.body, context))
      return reply.status(201).send(await detail(app, caller, request.params.id))
    },
  )
}

export default activitiesRoutes
