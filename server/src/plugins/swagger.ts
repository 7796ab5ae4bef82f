import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/**
 * OpenAPI 3 generated from the zod route schemas: UI at /docs, JSON at /docs/json, unless
 * API_DOCS=off (the default in production: the map of every route is no one's business).
 */
export default fp(
  async (app, { version, expose }: { version: string; expose: boolean }) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: '党建通 API',
          version,
          description: 'API of the 党建通 mini-program and staff pages.',
        },
      },
      transform: jsonSchemaTransform,
    })
    if (expose) await app.register(swaggerUi, { routePrefix: '/docs' })
  },
  { name: 'swagger' },
)
