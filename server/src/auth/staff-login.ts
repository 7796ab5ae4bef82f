import type { StaffLoginRequest } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { Transaction } from 'kysely'
import { recordAudit } from '../audit/audit.repository.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { verifyAgainstDummy, verifyPassword } from './password.ts'
import { activeLock, clearFailures, countFailure } from './sign-in-locks.repository.ts'
import { verifyTotp } from './totp.ts'
import { findStaffForSignIn, recordTotpStep } from './users.repository.ts'

interface Attempt {
  request: StaffLoginRequest
  requestId: string
  ip: string
}

/**
 * Checks a staff sign-in and answers the user id. Failures are counted per username as
 * typed and per source address (locked for 15 minutes after 5 from that source) and
 * audited. An unknown username costs the same time as a wrong password, is counted and
 * locked the same way, and so gets the same answers: nothing tells who exists.
 */
export async function checkStaffCredentials(
  app: FastifyInstance,
  trx: Transaction<Database>,
  attempt: Attempt,
) {
  const { password, otp } = attempt.request
  const username = attempt.request.username.toLowerCase()
  const key = { username, source: attempt.ip }
  const staff = await findStaffForSignIn(trx, username)
  const audit = (outcome: 'success' | 'failure', reason?: string) =>
    recordAudit(trx, {
      actorId: staff?.user_id ?? null,
      actorRole: staff ? 'staff' : 'anonymous',
      action: 'auth.staff_sign_in',
      outcome,
      targetType: 'staff_account',
      targetId: username,
      regionPath: staff?.region_path ?? null,
      requestId: attempt.requestId,
      ip: attempt.ip,
      ...(reason ? { detail: { reason } } : {}),
    })
  const lockedUntil = await activeLock(trx, key)
  if (lockedUntil) {
    await audit('failure', 'locked')
    const minutes = Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000)
    return {
      refused: new ApiError(
        423,
        'account_locked',
        `登录失败次数过多，请${minutes}分钟后再试，或请上级管理员解锁`,
      ),
    }
  }
  if (!staff) {
    await verifyAgainstDummy(password)
    await countFailure(trx, key)
    await audit('failure', 'unknown_username')
    return { refused: new ApiError(401, 'invalid_credentials', '账号或密码错误') }
  }
  if (!(await verifyPassword(password, staff.password_hash))) {
    await countFailure(trx, key)
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
      await countFailure(trx, key)
      await audit('failure', 'wrong_otp')
      return { refused: new ApiError(401, 'invalid_credentials', '动态验证码错误') }
    }
    await recordTotpStep(trx, staff.user_id, checked.step)
  }
  await clearFailures(trx, key)
  await audit('success')
  return { userId: staff.user_id }
}
