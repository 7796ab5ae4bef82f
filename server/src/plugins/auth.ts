import fastifyJwt from '@fastify/jwt'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { type Access, type Caller, refusal } from '../auth/access.ts'
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../auth/tokens.ts'
import { findAccount } from '../auth/users.repository.ts'
import { ApiError } from '../http/errors.ts'

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the authorization matrix test. */
    routeAccess: { method: string; url: string; access: Access }[]
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { role: 'user' | 'staff' }
    user: { sub: string; role: 'user' | 'staff' }
  }
}

const ANONYMOUS: Caller = { kind: 'anonymous' }

/** Who is calling, and may they call this route: answered here, for every route. */
export default fp(
  async (app) => {
    await app.register(fastifyJwt, {
      secret: app.config.JWT_SECRET,
      sign: { algorithm: 'HS256', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE },
      verify: {
        algorithms: ['HS256'],
        allowedIss: TOKEN_ISSUER,
        allowedAud: TOKEN_AUDIENCE,
        requiredClaims: ['iss', 'aud', 'exp', 'sub'],
      },
    })
    app.decorate('routeAccess', [])
    app.decorateRequest('caller', null as never)

    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path
      const access = route.config?.access
      if (access === undefined) {
        if (url.startsWith('/api/'))
          throw new Error(`Route ${route.method} ${url} declares no access`)
        return
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') app.routeAccess.push({ method, url, access })
      }
    })

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access ?? 'public'
      request.caller = await identify(request, access)
      const refused = refusal(access, request.caller)
      if (refused === 401) throw new ApiError(401, 'unauthorized', '请先登录')
      if (refused === 403) throw new ApiError(403, 'forbidden', '没有权限执行此操作')
      if (refused === 'mfa')
        throw new ApiError(403, 'mfa_enrollment_required', '请先绑定动态验证码（双因素认证）')
    })
  },
  { name: 'auth', dependencies: ['db'] },
)

const TokenClaims = z.object({ sub: z.uuid() })

/**
 * Resolves the bearer token to a live account. The account is read on every request, so
 * a disabled or cancelled account stops working at once, not when its token expires.
 */
async function identify(request: FastifyRequest, access: Access): Promise<Caller> {
  if (!request.headers.authorization) return ANONYMOUS
  // A token signed with our key but whose subject is no account id (a leaked key, an old
  // format) is as invalid as a forged one: 401, not a database error.
  const claims = await request.jwtVerify().then(
    (payload) => TokenClaims.safeParse(payload).data,
    () => undefined,
  )
  if (!claims) {
    if (access === 'public') return ANONYMOUS
    throw new ApiError(401, 'unauthorized', '登录已失效，请重新登录')
  }
  const account = await findAccount(request.server.db, claims.sub)
  if (!account || account.deleted_at || account.disabled_at) {
    if (access === 'public') return ANONYMOUS
    throw new ApiError(401, 'account_disabled', '账号已停用或已注销')
  }
  if (account.role === 'user') {
    return {
      kind: 'user',
      id: account.id,
      userKind: account.kind,
      privacyVersion: account.privacy_version,
    }
  }
  if (!account.username || !account.level || !account.region_code || !account.region_path) {
    throw new ApiError(401, 'account_disabled', '账号已停用或已注销')
  }
  return {
    kind: 'staff',
    id: account.id,
    username: account.username,
    level: account.level,
    regionCode: account.region_code,
    regionPath: account.region_path,
    mfaPending: request.server.config.STAFF_MFA === 'required' && !account.totp_enabled,
  }
}
