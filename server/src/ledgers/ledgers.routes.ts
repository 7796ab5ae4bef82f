import { ErrorBody, Ledger, LedgerQuery } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { StaffCaller } from '../auth/access.ts'
import { pathWithinScope } from '../auth/scope.ts'
import { ApiError } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'
import { buildLedger } from './ledgers.service.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** The live ledger of a jurisdiction inside the caller's own (default: their own). */
export async function ledgerOf(app: FastifyInstance, caller: StaffCaller, code?: string) {
  const region = await findRegion(app.db, code ?? caller.regionCode)
  if (!region) throw new ApiError(404, 'not_found', '行政区划不存在')
  if (!pathWithinScope(caller, region.path))
    throw new ApiError(403, 'forbidden', '只能查看本辖区的台账')
  return buildLedger(app.db, region, app.clock(), caller)
}

/** The ledger of one jurisdiction inside the caller's own, from the live tallies. */
const ledgersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ledgers',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['ledgers'],
        summary: "A jurisdiction's ledger (default: my own), with its child jurisdictions",
        querystring: LedgerQuery,
        response: { 200: Ledger, ...errors },
      },
    },
    async (request) => ledgerOf(app, request.caller as StaffCaller, request.query.region),
  )
}

export default ledgersRoutes
