import {
  ErrorBody,
  EvaluationRequest,
  PledgeDecisionRequest,
  PledgeParams,
  PledgeQueuePage,
  PledgeQueueQuery,
  StaffPledge,
  SuspendRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { narrowScope } from '../auth/region-scope.ts'
import type { Database } from '../db/schema.ts'
import { BinaryFile } from '../http/binary.ts'
import { notFound } from '../http/errors.ts'
import { firstPageTotal } from '../kernel/page-total.ts'
import { decodeCursor, queuePage } from '../kernel/queue-cursor.ts'
import { renderPlaque } from './plaque.service.ts'
import { plaqueSources } from './plaque-sources.ts'
import { loadStaffPledge } from './pledge-details.ts'
import { PLAQUE_TYPES } from './pledges.routes.ts'
import { countVersionQueue, findPledgeInScope, listVersionQueue } from './review.repository.ts'
import {
  type Context,
  decidePledge,
  evaluatePledge,
  reinstatePledge,
  suspendPledge,
} from './review.service.ts'
import { toQueueItem } from './review.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['pledge review']
const PlaqueParams = PledgeParams.extend({
  format: z.enum(['png', 'pdf'], { error: '承诺牌格式只能是 png 或 pdf' }),
})
type Trx = Kysely<Database>

/** 事前把关 and 事后评价: staff of the jurisdiction approve, suspend and evaluate pledges. */
const pledgeReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const detail = async (caller: StaffCaller, id: string) => {
    const row = await findPledgeInScope(app.db, caller, id)
    if (!row) throw notFound('承诺')
    return loadStaffPledge(app.db, row, app.config.PUBLIC_BASE_URL)
  }
  /** One change in one transaction, then the pledge as it now is. */
  const change = (
    summary: string,
    path: string,
    body: z.ZodType,
    act: (
      trx: Trx,
      caller: StaffCaller,
      id: string,
      body: never,
      context: Context,
    ) => Promise<void>,
  ) =>
    app.post(
      `/review/pledges/:id/${path}`,
      {
        config: { access: 'staff' },
        schema: {
          tags,
          summary,
          params: PledgeParams,
          body,
          response: { 200: StaffPledge, ...errors },
        },
      },
      async (request) => {
        const caller = staffCaller(request)
        const { id } = request.params as { id: string }
        const context = { requestId: request.id, ip: request.ip }
        await app.db
          .transaction()
          .execute((trx) => act(trx, caller, id, request.body as never, context))
        return detail(caller, id)
      },
    )

  app.get(
    '/review/pledges',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Pledge versions in my jurisdiction, oldest first',
        querystring: PledgeQueueQuery,
        response: { 200: PledgeQueuePage, ...errors },
      },
    },
    async (request) => {
      const cursor = decodeCursor(request.query.after)
      const scope = await narrowScope(app.db, staffCaller(request), request.query.region)
      const rows = await listVersionQueue(
        app.db,
        scope,
        request.query,
        cursor && { at: cursor.queuedAt, id: cursor.id },
      )
      const { shown, next } = queuePage(rows, request.query.limit, (row) => ({
        queuedAt: row.submitted_at,
        id: row.id,
      }))
      return {
        items: shown.map(toQueueItem),
        next,
        ...(await firstPageTotal(request.query.after, () =>
          countVersionQueue(app.db, scope, request.query),
        )),
      }
    },
  )

  app.get(
    '/review/pledges/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'A pledge with every version',
        params: PledgeParams,
        response: { 200: StaffPledge, ...errors },
      },
    },
    async (request) => detail(staffCaller(request), request.params.id),
  )

  change(
    'Approve, return or reject a pending version',
    'decision',
    PledgeDecisionRequest,
    (trx, caller, id, body: z.infer<typeof PledgeDecisionRequest>, context) =>
      decidePledge(trx, caller, id, body, context),
  )
  change(
    'Suspend a pledge with an upheld report',
    'suspend',
    SuspendRequest,
    (trx, caller, id, body: { reason: string }, context) =>
      suspendPledge(trx, caller, id, body.reason, context),
  )
  change(
    'Show a suspended pledge again',
    'reinstate',
    SuspendRequest,
    (trx, caller, id, body: { reason: string }, context) =>
      reinstatePledge(trx, caller, id, body.reason, context),
  )
  change(
    'Record a half-year evaluation (and the 示范店 award)',
    'evaluations',
    EvaluationRequest,
    (trx, caller, id, body: z.infer<typeof EvaluationRequest>, context) =>
      evaluatePledge(trx, caller, id, body, context),
  )

  app.get(
    '/review/pledges/:id/plaque.:format',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: "A pledge's plaque, to print for the stall",
        params: PlaqueParams,
        response: { 200: BinaryFile, ...errors },
      },
    },
    async (request, reply) => {
      const row = await findPledgeInScope(app.db, staffCaller(request), request.params.id)
      if (!row) throw notFound('承诺')
      const { format } = request.params
      return reply
        .type(PLAQUE_TYPES[format])
        .header('content-disposition', `attachment; filename="plaque-${row.code}.${format}"`)
        .send(await renderPlaque(plaqueSources(app), request.log, row, format))
    },
  )
}

export default pledgeReviewRoutes
