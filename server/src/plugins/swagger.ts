import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** OpenAPI 3 generated from the zod route schemas: UI at /docs, JSON at /docs/json. */
export default fp(
  async (app, { version }: { version: string }) => {
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
    await app.register(swaggerUi, { routePrefix: '/docs' })
  },
  { name: 'swagger' },
)
