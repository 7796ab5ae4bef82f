import {
  ErrorBody,
  RefreshRequest,
  Session,
  StaffLoginRequest,
  WechatLoginRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository.ts'
import { ApiError } from '../http/errors.ts'
import { WechatError } from '../wechat/wechat.client.ts'
import { describeUser, startSession } from './sessions.ts'
import { checkStaffCredentials } from './staff-login.ts'
import { revokeByToken, rotateRefresh } from './tokens.ts'
import { findAccount, upsertWechatUser } from './users.repository.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 423: ErrorBody, 429: ErrorBody, 503: ErrorBody }
const wechatStatus = {
  wechat_invalid_code: 401,
  wechat_rate_limited: 429,
  wechat_high_risk_user: 403,
} as const

/** Sign-in for both audiences, token refresh and sign-out. */
const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/wechat',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Mini-program sign-in with a wx.login code',
        body: WechatLoginRequest,
        response: { 200: Session, 403: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const session = await app.wechat
        .code2Session(request.body.code)
        .catch(async (error: unknown) => {
          if (!(error instanceof WechatError)) throw error
          await recordAudit(app.db, {
            actorId: null,
            actorRole: 'anonymous',
            action: 'auth.wechat_sign_in',
            outcome: 'failure',
            requestId: request.id,
            detail: {
              reason: error.code,
              ...(error.errcode === undefined ? {} : { errcode: error.errcode }),
            },
          })
          const status =
            error.code in wechatStatus ? wechatStatus[error.code as keyof typeof wechatStatus] : 503
          throw new ApiError(status, error.code, error.message)
        })
      return app.db.transaction().execute(async (trx) => {
        const user = await upsertWechatUser(trx, session.openid, session.unionid)
        await recordAudit(trx, {
          actorId: user.id,
          actorRole: 'user',
          action: user.created ? 'auth.wechat_sign_up' : 'auth.wechat_sign_in',
          outcome: 'success',
          requestId: request.id,
        })
        return startSession(app, trx, user.id)
      })
    },
  )

  app.post(
    '/auth/staff',
    {
      config: {
        access: 'public',
        // Fails closed: without the shared count, password guessing would be unbounded.
        rateLimit: {
          max: app.config.STAFF_SIGN_IN_PER_IP_PER_MINUTE,
          timeWindow: 60_000,
          skipOnError: false,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Bureau staff sign-in (password, then TOTP when enrolled)',
        body: StaffLoginRequest,
        response: { 200: Session, ...errors },
      },
    },
    async (request) => {
      const outcome = await app.db.transaction().execute(async (trx) => {
        const checked = await checkStaffCredentials(app, trx, {
          request: request.body,
          requestId: request.id,
          ip: request.ip,
        })
        return checked.userId ? { session: await startSession(app, trx, checked.userId) } : checked
      })
      if ('refused' in outcome && outcome.refused) throw outcome.refused
      request.log.info({ action: 'auth.staff_sign_in' }, 'staff signed in')
      return (outcome as { session: z.infer<typeof Session> }).session
    },
  )

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for a new pair (rotation)',
        body: RefreshRequest,
        response: { 200: Session, ...errors },
      },
    },
    async (request) => {
      const result = await app.db.transaction().execute(async (trx) => {
        const rotated = await rotateRefresh(app, trx, request.body.refreshToken)
        if (!rotated.ok) {
          if (rotated.reason === 'reused') {
            await recordAudit(trx, {
              actorId: rotated.userId ?? null,
              actorRole: 'system',
              action: 'auth.refresh_reuse',
              outcome: 'denied',
              requestId: request.id,
            })
          }
          return { refused: rotated.reason }
        }
        const account = await findAccount(trx, rotated.userId)
        if (!account || account.disabled_at || account.deleted_at) return { refused: 'disabled' }
        const tokens = await rotated.tokens(account.role)
        return { session: { ...tokens, user: await describeUser(trx, rotated.userId) } }
      })
      if ('refused' in result) {
        throw result.refused === 'disabled'
          ? new ApiError(401, 'account_disabled', '账号已停用或已注销')
          : new ApiError(401, 'unauthorized', '登录已失效，请重新登录')
      }
      return result.session
    },
  )

  app.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: revokes the refresh token and its family',
        body: RefreshRequest,
        response: { 204: z.null(), 400: ErrorBody },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute(async (trx) => {
        const userId = await revokeByToken(trx, request.body.refreshToken)
        if (userId)
          await recordAudit(trx, {
            actorId: userId,
            actorRole: 'system',
            action: 'auth.sign_out',
            outcome: 'success',
            requestId: request.id,
          })
      })
      return reply.status(204).send(null)
    },
  )
}

export default authRoutes
