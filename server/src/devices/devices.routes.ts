import { DeviceIssued, ErrorBody } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

// Per IP and loose (customers of one market share a carrier's IP), failing open when Redis
// is away like the public pledge routes: the tokens only make device ids cost something.
const DEVICES_PER_IP = { max: 20, timeWindow: 3_600_000, skipOnError: true }

/** A device token for a phone or browser that rates or reports without signing in. */
const devicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/devices',
    {
      config: { access: 'public', rateLimit: DEVICES_PER_IP },
      schema: {
        tags: ['public'],
        summary: 'A signed device token for anonymous ratings and reports (x-device-id)',
        response: { 201: DeviceIssued, 429: ErrorBody },
      },
    },
    async (_request, reply) => reply.status(201).send({ deviceToken: app.deviceTokens.issue() }),
  )
}

export default devicesRoutes
