import { type Kysely, sql } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import { withinScope } from '../auth/scope.ts'
import type { AuditLogTable, Database } from '../db/schema.ts'

export interface AuditEvent {
  actorId: string | null
  actorRole: AuditLogTable['actor_role']
  action: string
  outcome: AuditLogTable['outcome']
  targetType?: string
  targetId?: string
  regionPath?: string | null
  requestId?: string
  /**
   * Recorded for staff and anonymous sign-in attempts only: the rows of this table never
   * change, so nothing that would survive a mini-program user's cancellation goes in.
   */
  ip?: string | null
  detail?: Record<string, unknown>
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: event.actorId,
      actor_role: event.actorRole,
      action: event.action,
      outcome: event.outcome,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      region_path: event.regionPath ?? null,
      request_id: event.requestId ?? null,
      ip: event.actorRole === 'user' ? null : (event.ip ?? null),
      detail: event.detail ?? null,
    })
    .execute()
}

/** One staff action that succeeded on a record: who, from which request, where, what. */
export function recordStaffAction(
  db: Kysely<Database>,
  caller: { id: string },
  context: { requestId: string; ip: string },
  action: string,
  [targetType, targetId]: [string, string],
  regionPath: string | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(db, {
    actorId: caller.id,
    actorRole: 'staff',
    action,
    outcome: 'success',
    targetType,
    targetId,
    regionPath,
    requestId: context.requestId,
    ip: context.ip,
    detail,
  })
}

/** One action a mini-program user took on a record: who, from which request, where, what. */
export function recordUserAction(
  db: Kysely<Database>,
  caller: { id: string },
  context: { requestId: string },
  action: string,
  [targetType, targetId]: [string, string],
  regionPath: string | null,
): Promise<void> {
  return recordAudit(db, {
    actorId: caller.id,
    actorRole: 'user',
    action,
    outcome: 'success',
    targetType,
    targetId,
    regionPath,
    requestId: context.requestId,
  })
}

/** Newest first, keyset-paginated by id, inside the caller's jurisdiction only. */
export function listAudit(
  db: Kysely<Database>,
  caller: StaffCaller,
  { before, limit }: { before?: number | undefined; limit: number },
) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where(withinScope(caller, sql.ref('region_path')))
    .orderBy('id', 'desc')
    .limit(limit)
  if (before !== undefined) query = query.where('id', '<', before)
  return query.execute()
}

/** The retention job: drops rows older than `days` (never fewer than 180, the trigger insists). */
export async function purgeAuditLog(db: Kysely<Database>, days: number): Promise<number> {
  return db.transaction().execute((trx) => purgeOldRows(trx, days))
}

export const RETENTION_ACTION = 'system.audit_retention'

/**
 * The daily run, once a day however many servers check: under a try-lock (another server
 * at it means skip), and only if no run is recorded in the last day. The run itself is
 * recorded in the log it trims. Null when skipped.
 */
export async function purgeAuditLogDaily(db: Kysely<Database>, days: number) {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtext('djt-retention:' || current_schema())) as locked`.execute(
      trx,
    )
    if (rows[0]?.locked !== true) return null
    const recent = await trx
      .selectFrom('audit_log')
      .select('id')
      .where('at', '>', sql<Date>`now() - interval '1 day'`)
      .where('action', '=', RETENTION_ACTION)
      .executeTakeFirst()
    if (recent) return null
    const removed = await purgeOldRows(trx, days)
    await recordAudit(trx, {
      actorId: null,
      actorRole: 'system',
      action: RETENTION_ACTION,
      outcome: 'success',
      detail: { removed, keptDays: Math.max(days, 180) },
    })
    return removed
  })
}

async function purgeOldRows(trx: Kysely<Database>, days: number): Promise<number> {
  await sql`select set_config('djt.audit_retention', 'on', true)`.execute(trx)
  const result = await trx
    .deleteFrom('audit_log')
    .where('at', '<', sql<Date>`now() - make_interval(days => ${Math.max(days, 180)})`)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
