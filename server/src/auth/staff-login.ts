import type { StaffLoginRequest } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import { sql, type Transaction } from 'kysely'
import { recordAudit } from '../audit/audit.repository.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { verifyAgainstDummy, verifyPassword } from './password.ts'
import { verifyTotp } from './totp.ts'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15

interface Attempt {
  request: StaffLoginRequest
  requestId: string
  ip: string
}

/**
 * Checks a staff sign-in and answers the user id. Failures are counted per account (locked
 * for 15 minutes after 5) and audited; an unknown username costs the same time as a wrong
 * password and gets the same answer.
 */
export async function checkStaffCredentials(
  app: FastifyInstance,
  trx: Transaction<Database>,
  attempt: Attempt,
) {
  const { username, password, otp } = attempt.request
  const staff = await trx
    .selectFrom('staff_accounts')
    .innerJoin('users', 'users.id', 'staff_accounts.user_id')
    .select([
      'staff_accounts.user_id',
      'staff_accounts.password_hash',
      'staff_accounts.region_path',
      'staff_accounts.totp_secret',
      'staff_accounts.totp_enabled',
      'staff_accounts.totp_last_step',
      'staff_accounts.locked_until',
      'users.disabled_at',
    ])
    .where('staff_accounts.username', '=', username.toLowerCase())
    .forUpdate()
    .executeTakeFirst()
  const audit = (outcome: 'success' | 'failure', reason?: string) =>
    recordAudit(trx, {
      actorId: staff?.user_id ?? null,
      actorRole: staff ? 'staff' : 'anonymous',
      action: 'auth.staff_sign_in',
      outcome,
      targetType: 'staff_account',
      targetId: username.toLowerCase(),
      regionPath: staff?.region_path ?? null,
      requestId: attempt.requestId,
      ip: attempt.ip,
      ...(reason ? { detail: { reason } } : {}),
    })
  if (!staff) {
    await verifyAgainstDummy(password)
    await audit('failure', 'unknown_username')
    return { refused: new ApiError(401, 'invalid_credentials', '账号或密码错误') }
  }
  if (staff.locked_until && staff.locked_until.getTime() > Date.now()) {
    await audit('failure', 'locked')
    const minutes = Math.ceil((staff.locked_until.getTime() - Date.now()) / 60_000)
    return {
      refused: new ApiError(
        423,
        'account_locked',
        `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`,
      ),
    }
  }
  if (!(await verifyPassword(password, staff.password_hash))) {
    await countFailure(trx, staff.user_id)
    await audit('failure', 'wrong_password')
    return { refused: new ApiError(401, 'invalid_credentials', '账号或密码错误') }
  }
  if (staff.disabled_at) {
    await audit('failure', 'disabled')
    return { refused: new ApiError(401, 'account_disabled', '账号已停用') }
  }
  if (staff.totp_enabled && staff.totp_secret) {
    if (!otp) return { refused: new ApiError(401, 'mfa_required', '请输入动态验证码') }
    const checked = verifyTotp(app.cipher.decrypt(staff.totp_secret), otp, {
      lastUsedStep: staff.totp_last_step ?? undefined,
    })
    if (!checked.ok) {
      await countFailure(trx, staff.user_id)
      await audit('failure', 'wrong_otp')
      return { refused: new ApiError(401, 'invalid_credentials', '动态验证码错误') }
    }
    await trx
      .updateTable('staff_accounts')
      .set({ totp_last_step: checked.step })
      .where('user_id', '=', staff.user_id)
      .execute()
  }
  await trx
    .updateTable('staff_accounts')
    .set({ failed_attempts: 0, locked_until: null })
    .where('user_id', '=', staff.user_id)
    .execute()
  await audit('success')
  return { userId: staff.user_id }
}

async function countFailure(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx
    .updateTable('staff_accounts')
    .set((eb) => ({
      failed_attempts: eb('failed_attempts', '+', 1),
      locked_until: sql`case when failed_attempts + 1 >= ${MAX_FAILED_ATTEMPTS}
        then now() + make_interval(mins => ${LOCKOUT_MINUTES}) else locked_until end`,
    }))
    .where('user_id', '=', userId)
    .execute()
}
