import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'

/**
 * Security headers on every answer (@fastify/helmet). The H5 build loads only its own
 * files (no inline script: Taro writes none), so scripts come from 'self' alone; styles
 * allow inline because React sets `style` attributes; images allow data: and blob: (QR
 * codes, the plaque preview, photos picked before upload). No page may be framed, which
 * keeps the staff pages from being overlaid by another site. The API's JSON gets the same
 * headers, harmless there. HSTS only on an answer that went out over HTTPS (directly or
 * through a trusted proxy's X-Forwarded-Proto): on plain HTTP it would mean nothing.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    })
    app.addHook('onSend', async (request, reply) => {
      if (request.protocol === 'https')
        reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    })
  },
  { name: 'security-headers' },
)
