import {
  AnswerPhotoParams,
  BulkVerifyRequest,
  BulkVerifyResult,
  DecisionRequest,
  ErrorBody,
  RevealReply,
  RevealRequest,
  ReviewDetail,
  ReviewPage,
  ReviewParams,
  ReviewQuery,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import { BinaryFile } from '../http/binary.ts'
import { notFound } from '../http/errors.ts'
import { decodeCursor, encodeCursor } from '../kernel/queue-cursor.ts'
import { isAnswerPhoto, listEvents } from '../memberships/memberships.repository.ts'
import { photoReply, sendPhoto } from '../uploads/photos.routes.ts'
import { revealSecret } from './reveal.ts'
import { findForReview, listQueue } from './review.repository.ts'
import { bulkRefusal, type Decided, decide } from './review.service.ts'
import { toReviewDetail, toReviewItem } from './review.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['review']

/** Staff verify self-reported entries in their jurisdiction, evidence beside each entry. */
const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/review/memberships',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Entries waiting for review in my jurisdiction, oldest first',
        querystring: ReviewQuery,
        response: { 200: ReviewPage, ...errors },
      },
    },
    async (request) => {
      const query = request.query
      const rows = await listQueue(
        app.db,
        await narrowScope(app.db, staffCaller(request), query.region),
        query,
        decodeCursor(query.after),
      )
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      const more = rows.length > query.limit && last?.queued_at
      return {
        items: page.map((row) => toReviewItem(app.cipher, row)),
        next: more ? encodeCursor({ queuedAt: last.queued_at as Date, id: last.id }) : null,
      }
    },
  )

  app.get(
    '/review/memberships/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'One entry with its evidence and timeline',
        params: ReviewParams,
        response: { 200: ReviewDetail, ...errors },
      },
    },
    async (request) => {
      const row = await findForReview(app.db, staffCaller(request), request.params.id)
      if (!row) throw notFound('登记')
      return toReviewDetail(app.cipher, row, await listEvents(app.db, row.id))
    },
  )

  app.get(
    '/review/memberships/:id/answer-photos/:photoId',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'A photo the member sent with an answer',
        params: AnswerPhotoParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const { id, photoId } = request.params
      const row = await findForReview(app.db, staffCaller(request), id)
      if (!row || !(await isAnswerPhoto(app.db, row.id, photoId))) throw notFound('照片')
      const photo = await photoReply(app.db, photoId)
      return sendPhoto(reply, photo)
    },
  )

  app.post(
    '/review/memberships/:id/decision',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Verify, reject, ask for more, or revoke a verified entry',
        params: ReviewParams,
        body: DecisionRequest,
        response: { 200: ReviewDetail, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const decided = await app.db.transaction().execute(async (trx) => {
        const result = await decide(trx, caller, request.params.id, request.body, context)
        const row = await findForReview(trx, caller, result.id)
        if (!row) throw notFound('登记')
        return { result, view: toReviewDetail(app.cipher, row, await listEvents(trx, row.id)) }
      })
      await app.notifyMember(decided.result, request.log)
      return decided.view
    },
  )

  app.post(
    '/review/memberships/bulk-verify',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Verify several entries that two registers confirm',
        body: BulkVerifyRequest,
        response: { 200: BulkVerifyResult, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip, bulk: true }
      const outcome = await app.db.transaction().execute(async (trx) => {
        const done: Decided[] = []
        const skipped: { id: string; reason: string }[] = []
        for (const id of new Set(request.body.ids)) {
          const row = await findForReview(trx, caller, id, { lock: true })
          const reason = bulkRefusal(row)
          if (reason || !row) skipped.push({ id, reason: reason ?? '' })
          else
            done.push(
              await decide(trx, caller, id, { decision: 'verify', version: row.version }, context),
            )
        }
        return { done, skipped }
      })
      for (const decided of outcome.done) await app.notifyMember(decided, request.log)
      return { verified: outcome.done.map((item) => item.id), skipped: outcome.skipped }
    },
  )

  app.post(
    '/review/memberships/:id/reveal',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'See a full mobile or ID number; audited with the reason given',
        params: ReviewParams,
        body: RevealRequest,
        response: { 200: RevealReply, ...errors },
      },
    },
    async (request) => ({
      field: request.body.field,
      value: await revealSecret(app, staffCaller(request), request.params.id, request.body, {
        requestId: request.id,
        ip: request.ip,
      }),
    }),
  )
}

export default reviewRoutes
