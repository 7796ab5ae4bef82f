import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Config } from './config.ts'
import dbPlugin from './plugins/db.ts'
import errorsPlugin from './plugins/errors.ts'
import h5Plugin from './plugins/h5.ts'
import swaggerPlugin from './plugins/swagger.ts'
import regionRoutes from './regions/regions.routes.ts'
import statusRoutes from './status/status.routes.ts'
import { APP_VERSION } from './version.ts'

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
    genReqId: () => randomUUID(),
    logger: {
      level: config.LOG_LEVEL,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
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
  instance.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  await instance.register(errorsPlugin)
  await instance.register(swaggerPlugin, { version: APP_VERSION })
  await instance.register(dbPlugin, { config })
  await instance.register(statusRoutes)
  await instance.register(regionRoutes, { prefix: '/api/v1' })
  await instance.register(h5Plugin, { root: config.h5Dir })
}

export default fp(app, { name: 'app' })
