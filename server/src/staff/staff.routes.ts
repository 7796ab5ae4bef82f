import {
  CreateStaffRequest,
  ErrorBody,
  Me,
  MfaConfirmRequest,
  MfaEnrollment,
  StaffAccount,
  StaffList,
  StaffParams,
  staffLevelRank,
  UpdateStaffRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import QRCode from 'qrcode'
import { recordAudit, recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import { staffCaller } from '../auth/caller.ts'
import { revokeAllForUser } from '../auth/refresh-tokens.repository.ts'
import { describeUser } from '../auth/sessions.ts'
import { unlockUsername } from '../auth/sign-in-locks.repository.ts'
import { generateTotpSecret, otpauthUrl, verifyTotp } from '../auth/totp.ts'
import { ApiError, notFound } from '../http/errors.ts'
import {
  enableTotp,
  findStaffInScope,
  findTotp,
  findTotpStatus,
  listStaffInScope,
  saveTotpSecret,
  setDisabled,
} from './staff.repository.ts'
import { createStaff, toStaffAccount } from './staff.service.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

/** Staff accounts inside the caller's jurisdiction, and each staff member's second factor. */
/** An account the caller may manage: inside the jurisdiction (else 404) and below its level. */
async function lowerAccountInScope(
  db: Parameters<typeof findStaffInScope>[0],
  caller: StaffCaller,
  id: string,
) {
  const target = await findStaffInScope(db, caller, id)
  if (!target) throw notFound('账号')
  if (staffLevelRank[target.level] >= staffLevelRank[caller.level])
    throw new ApiError(403, 'forbidden', '只能管理更低级别的账号')
  return target
}

const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary: 'Staff accounts in my jurisdiction',
        response: { 200: StaffList, ...errors },
      },
    },
    async (request) => ({
      items: (await listStaffInScope(app.db, staffCaller(request))).map(toStaffAccount),
    }),
  )

  app.post(
    '/staff',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags: ['staff'],
        summary: 'Create a lower-level staff account in my jurisdiction',
        body: CreateStaffRequest,
        response: { 201: StaffAccount, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const account = await app.db.transaction().execute(async (trx) => {
        const id = await createStaff(trx, caller, request.body)
        const row = await findStaffInScope(trx, caller, id)
        if (!row) throw notFound('账号')
        await recordAudit(trx, {
          actorId: caller.id,
          actorRole: 'staff',
          action: 'staff.create',
          outcome: 'success',
          targetType: 'staff_account',
          targetId: id,
          regionPath: row.region_path,
          requestId: request.id,
          ip: request.ip,
        })
        return row
      })
      return reply.status(201).send(toStaffAccount(account))
    },
  )

  app.patch(
    '/staff/:id',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags: ['staff'],
        summary: 'Disable or re-enable a lower-level account',
        params: StaffParams,
        body: UpdateStaffRequest,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      return app.db.transaction().execute(async (trx) => {
        const target = await lowerAccountInScope(trx, caller, request.params.id)
        await setDisabled(trx, target.id, request.body.disabled)
        if (request.body.disabled) await revokeAllForUser(trx, target.id)
        await recordStaffAction(
          trx,
          caller,
          { requestId: request.id, ip: request.ip },
          request.body.disabled ? 'staff.disable' : 'staff.enable',
          ['staff_account', target.id],
          target.region_path,
        )
        const updated = await findStaffInScope(trx, caller, target.id)
        return toStaffAccount(updated ?? target)
      })
    },
  )

  app.post(
    '/staff/:id/unlock',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags: ['staff'],
        summary: 'Unlock a lower-level account locked out by failed sign-ins, from every address',
        params: StaffParams,
        response: { 200: StaffAccount, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      return app.db.transaction().execute(async (trx) => {
        const target = await lowerAccountInScope(trx, caller, request.params.id)
        const cleared = await unlockUsername(trx, target.username)
        await recordStaffAction(
          trx,
          caller,
          { requestId: request.id, ip: request.ip },
          'staff.unlock',
          ['staff_account', target.id],
          target.region_path,
          { cleared },
        )
        const updated = await findStaffInScope(trx, caller, target.id)
        return toStaffAccount(updated ?? target)
      })
    },
  )

  app.post(
    '/auth/staff/mfa/enroll',
    {
      config: { access: 'staff-enrolling' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a secret and its QR code',
        response: { 200: MfaEnrollment, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      // The status only: an unfinished enrolment's old secret is replaced, never decrypted.
      const current = await findTotpStatus(app.db, caller.id)
      if (current.totp_enabled) throw new ApiError(409, 'conflict', '已绑定动态验证码')
      const secret = generateTotpSecret()
      await saveTotpSecret(app.db, app.cipher, caller.id, secret)
      const url = otpauthUrl({ secret, account: current.username })
      const svg = await QRCode.toString(url, { type: 'svg', margin: 1 })
      return {
        secret,
        otpauthUrl: url,
        qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      }
    },
  )

  app.post(
    '/auth/staff/mfa/confirm',
    {
      config: { access: 'staff-enrolling' },
      schema: {
        tags: ['auth'],
        summary: 'Finish TOTP enrolment with a first code',
        body: MfaConfirmRequest,
        response: { 200: Me, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const current = await findTotp(app.db, app.cipher, caller.id)
      if (!current.totp_secret || current.totp_enabled)
        throw new ApiError(409, 'conflict', '请先开始绑定')
      const checked = verifyTotp(current.totp_secret, request.body.otp)
      if (!checked.ok)
        throw new ApiError(400, 'validation_failed', '动态验证码错误', [
          { field: 'body.otp', message: '动态验证码错误' },
        ])
      await app.db.transaction().execute(async (trx) => {
        await enableTotp(trx, caller.id, checked.step)
        await recordAudit(trx, {
          actorId: caller.id,
          actorRole: 'staff',
          action: 'staff.mfa_enrolled',
          outcome: 'success',
          targetType: 'staff_account',
          targetId: caller.id,
          regionPath: caller.regionPath,
          requestId: request.id,
          ip: request.ip,
        })
      })
      return describeUser(app.db, caller.id)
    },
  )
}

export default staffRoutes
