import { ErrorBody, Ledger, LedgerQuery, ledgerLinks } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { regionInScope } from '../auth/region-scope.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { buildLedger } from './ledgers.service.ts'
import { findSnapshot } from './period-snapshots.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/**
 * The ledger of a jurisdiction inside the caller's own (default: their own): live, or with
 * `period` as frozen when that half-year ended.
 */
export async function ledgerOf(
  app: FastifyInstance,
  caller: StaffCaller,
  code?: string,
  period?: string,
) {
  const region = await regionInScope(app.db, caller, code)
  if (period) return frozenLedger(app.db, region.code, period)
  return buildLedger(app.db, region, app.clock())
}

async function frozenLedger(db: Kysely<Database>, code: string, period: string): Promise<Ledger> {
  const frozen = await findSnapshot(db, code, period)
  if (!frozen) throw new ApiError(404, 'not_found', '该报告期的期末台账尚未冻结')
  return frozen.snapshot
}

/** The ledger of one jurisdiction inside the caller's own: live tallies or a period-end snapshot. */
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
    async (request) => {
      const { region, period } = request.query
      const ledger = await ledgerOf(app, staffCaller(request), region, period)
      // A frozen ledger's figures are no longer those of today's lists: it opens none.
      return period ? ledger : { ...ledger, links: ledgerLinks(ledger) }
    },
  )
}

export default ledgersRoutes
