import { AuditPage, AuditQuery, ErrorBody } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { listAudit } from './audit.repository.ts'

/** The audit log of the caller's own jurisdiction, newest first. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log of my jurisdiction',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const { before, limit } = request.query
      const rows = await listAudit(app.db, staffCaller(request), { before, limit })
      return {
        items: rows.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorId: row.actor_id,
          actorRole: row.actor_role,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          regionPath: row.region_path,
          outcome: row.outcome,
          requestId: row.request_id,
          ip: row.ip,
        })),
        next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
      }
    },
  )
}

export default auditRoutes
