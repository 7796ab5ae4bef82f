import { randomUUID } from 'node:crypto'
import path from 'node:path'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import activitiesRoutes from './activities/activities.routes.ts'
import participationRoutes from './activities/participation.routes.ts'
import auditRoutes from './audit/audit.routes.ts'
import authRoutes from './auth/auth.routes.ts'
import { setPasswordCost } from './auth/password.ts'
import type { Config } from './config.ts'
import contentCheckPlugin from './content-check/content-check.plugin.ts'
import deskRoutes from './desk/desk.routes.ts'
import deviceTokensPlugin from './devices/device-tokens.plugin.ts'
import devicesRoutes from './devices/devices.routes.ts'
import difficultiesRoutes from './difficulties/difficulties.routes.ts'
import staffDifficultiesRoutes from './difficulties/staff-difficulties.routes.ts'
import honoursRoutes from './honours/honours.routes.ts'
import staffHonoursRoutes from './honours/staff-honours.routes.ts'
import { serializeError } from './http/error-log.ts'
import ledgerActivityRoutes from './ledgers/activity-detail.routes.ts'
import ledgerDetailRoutes from './ledgers/detail.routes.ts'
import ledgersRoutes from './ledgers/ledgers.routes.ts'
import ledgerReportsRoutes from './ledgers/reports.routes.ts'
import meRoutes from './me/me.routes.ts'
import membershipsRoutes from './memberships/memberships.routes.ts'
import notificationsPlugin from './notifications/notify.ts'
import checkinsRoutes from './places/checkins.routes.ts'
import placesRoutes from './places/places.routes.ts'
import placesImportRoutes from './places/places-import.routes.ts'
import staffPlacesRoutes from './places/staff-places.routes.ts'
import platformSitesRoutes from './platform-sites/platform-sites.routes.ts'
import pledgeReportsRoutes from './pledges/pledge-reports.routes.ts'
import pledgeReviewRoutes from './pledges/pledge-review.routes.ts'
import pledgesRoutes from './pledges/pledges.routes.ts'
import publicPageRoutes from './pledges/public-page.routes.ts'
import publicPledgesRoutes from './pledges/public-pledges.routes.ts'
import activityRemindersPlugin from './plugins/activity-reminders.ts'
import authPlugin from './plugins/auth.ts'
import compressionPlugin from './plugins/compression.ts'
import cryptoPlugin from './plugins/crypto.ts'
import dbPlugin from './plugins/db.ts'
import errorsPlugin from './plugins/errors.ts'
import h5Plugin from './plugins/h5.ts'
import inputGuardPlugin from './plugins/input-guard.ts'
import metricsPlugin from './plugins/metrics.ts'
import periodFreezePlugin from './plugins/period-freeze.ts'
import pressurePlugin from './plugins/pressure.ts'
import redisPlugin from './plugins/redis.ts'
import retentionPlugin from './plugins/retention.ts'
import securityHeadersPlugin from './plugins/security-headers.ts'
import swaggerPlugin from './plugins/swagger.ts'
import regionRoutes from './regions/regions.routes.ts'
import registersRoutes from './registers/registers.routes.ts'
import reviewRoutes from './review/review.routes.ts'
import { rateLimitOptions } from './shared-state/limit-store.ts'
import staffRoutes from './staff/staff.routes.ts'
import statusRoutes from './status/status.routes.ts'
import staffSupervisionRoutes from './supervision/staff-supervision.routes.ts'
import supervisionRoutes from './supervision/supervision.routes.ts'
import photoChecksRoutes from './uploads/photo-checks.routes.ts'
import photosRoutes from './uploads/photos.routes.ts'
import uploadsPlugin from './uploads/uploads.plugin.ts'
import { APP_VERSION } from './version.ts'
import { createWechatClient, type WechatClient } from './wechat/wechat.client.ts'
import wechatApiPlugin from './wechat/wechat-api.ts'
import workRoutes from './work/work.routes.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    wechat: WechatClient
    /** The time "open now" is judged at; tests replace it. */
    clock: () => Date
    /** Shutting down: /readyz says 503 so a proxy stops sending requests here. */
    draining: boolean
  }
}

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

export interface AppOptions {
  config: Config
}

/** Server-level options: limits, timeouts, request ids and logs without personal data. */
export function serverOptions(config: Config): FastifyServerOptions {
  return {
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    handlerTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS * 2,
    // A caller's (or proxy's) own id is kept when it is a plain token, so one id follows a
    // request across services; anything else could forge or break log lines.
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID()
    },
    // The db plugin initialises PGlite, migrates and seeds before the server listens: on a
    // busy 2-core machine that can take longer than Fastify's default 10 s.
    pluginTimeout: 120_000,
    // Only the named proxies' X-Forwarded-For is believed: otherwise anyone could pick the
    // IP the sign-in limit and the audit log see.
    ...(config.TRUST_PROXY
      ? { trustProxy: config.TRUST_PROXY.split(',').map((entry) => entry.trim()) }
      : {}),
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        // Database errors without their query, parameters or detail: those hold people's data.
        err: serializeError,
        // The path only: query strings carry locations and search words, IPs identify people.
        req: (req: { method: string; url: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          url: req.url.split('?')[0],
          route: req.routeOptions?.url,
        }),
      },
    },
  }
}

/** The whole service as one plugin; server.ts boots it, tests build it with `inject`. */
async function app(instance: FastifyInstance, { config }: AppOptions): Promise<void> {
  instance.setValidatorCompiler(validatorCompiler)
  instance.setSerializerCompiler(serializerCompiler)
  // Once shutdown starts, answers close their keep-alive connection, so the in-flight
  // requests finish and the server does not wait on idle sockets until the grace runs out.
  let closing = false
  instance.addHook('preClose', async () => {
    closing = true
  })
  instance.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
    if (closing) reply.header('connection', 'close')
  })
  instance.decorate('config', config)
  setPasswordCost(config.PASSWORD_HASH_COST)
  instance.decorate('clock', () => new Date())
  instance.decorate('draining', false)
  instance.decorate(
    'wechat',
    createWechatClient({
      mode: config.WECHAT_MODE,
      appId: config.WECHAT_APPID,
      secret: config.WECHAT_SECRET,
      baseUrl: config.WECHAT_API_BASE,
      timeoutMs: config.WECHAT_TIMEOUT_MS,
    }),
  )
  await instance.register(errorsPlugin)
  await instance.register(inputGuardPlugin)
  await instance.register(swaggerPlugin, {
    version: APP_VERSION,
    expose: config.API_DOCS === 'public',
  })
  await instance.register(securityHeadersPlugin, {
    homePage: path.join(config.h5Dir, 'index.html'),
  })
  await instance.register(cryptoPlugin)
  await instance.register(deviceTokensPlugin)
  await instance.register(dbPlugin, { config })
  // After the database opened (its start-up stalls are not load), before the sign-in check,
  // so a refused request costs no token check or account read.
  await instance.register(pressurePlugin)
  await instance.register(redisPlugin)
  await instance.register(wechatApiPlugin)
  await instance.register(notificationsPlugin)
  await instance.register(contentCheckPlugin)
  await instance.register(rateLimit, rateLimitOptions(instance.redis))
  await instance.register(authPlugin)
  await instance.register(uploadsPlugin)
  await instance.register(retentionPlugin)
  await instance.register(activityRemindersPlugin)
  await instance.register(periodFreezePlugin)
  await instance.register(compressionPlugin)
  await instance.register(metricsPlugin)
  await instance.register(statusRoutes)
  await instance.register(
    async (api) => {
      for (const routes of [
        regionRoutes,
        authRoutes,
        meRoutes,
        staffRoutes,
        auditRoutes,
        membershipsRoutes,
        reviewRoutes,
        registersRoutes,
        placesRoutes,
        placesImportRoutes,
        staffPlacesRoutes,
        checkinsRoutes,
        pledgesRoutes,
        devicesRoutes,
        publicPledgesRoutes,
        photosRoutes,
        photoChecksRoutes,
        pledgeReviewRoutes,
        pledgeReportsRoutes,
        workRoutes,
        activitiesRoutes,
        participationRoutes,
        difficultiesRoutes,
        staffDifficultiesRoutes,
        honoursRoutes,
        staffHonoursRoutes,
        supervisionRoutes,
        staffSupervisionRoutes,
        platformSitesRoutes,
        ledgersRoutes,
        ledgerDetailRoutes,
        ledgerActivityRoutes,
        ledgerReportsRoutes,
        deskRoutes,
      ])
        await api.register(routes)
    },
    { prefix: '/api/v1' },
  )
  await instance.register(publicPageRoutes)
  await instance.register(h5Plugin, { root: config.h5Dir })
}

export default fp(app, { name: 'app' })
