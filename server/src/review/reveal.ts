import type { RevealRequest } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import { notFound } from '../http/errors.ts'
import { findForReview } from './review.repository.ts'

/**
 * The only way a full mobile or ID number leaves the server. The audit row is written in
 * the same transaction as the read: no reveal without its record.
 */
export async function revealSecret(
  app: FastifyInstance,
  caller: StaffCaller,
  id: string,
  { field, reason }: RevealRequest,
  context: { requestId: string; ip: string },
): Promise<string | null> {
  return app.db.transaction().execute(async (trx) => {
    const row = await findForReview(trx, caller, id)
    if (!row) throw notFound('登记')
    const stored = field === 'mobile' ? row.mobile_enc : row.id_number_enc
    await recordAudit(trx, {
      actorId: caller.id,
      actorRole: 'staff',
      action: 'membership.reveal',
      outcome: 'success',
      targetType: 'membership',
      targetId: row.id,
      regionPath: row.region_path,
      requestId: context.requestId,
      ip: context.ip,
      detail: { field, reason },
    })
    return stored ? app.cipher.decrypt(stored) : null
  })
}
