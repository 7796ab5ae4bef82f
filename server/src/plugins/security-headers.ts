import fp from 'fastify-plugin'
import helmet from 'helmet'

/**
 * Security headers on every answer, as helmet writes them. The H5 build loads only its
 * own files (no inline script: Taro writes none), so scripts come from 'self' alone;
 * styles allow inline because React sets `style` attributes; images allow data: and blob:
 * (QR codes, the plaque preview, photos picked before upload). No page may be framed,
 * which keeps the staff pages from being overlaid by another site. The API's JSON gets the
 * same headers, harmless there. HSTS only on an answer that went out over HTTPS (directly
 * or through a trusted proxy's X-Forwarded-Proto): on plain HTTP it would mean nothing.
 */
const policy = helmet({
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

const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers helmet sets, read once: none of them depends on the request, and running
 * helmet's middleware per answer (as @fastify/helmet does) rebuilt the CSP string every
 * time, a tenth of the busiest route's own CPU.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  let failed: unknown
  // helmet's middleware is synchronous and touches only setHeader and removeHeader.
  policy({} as never, response as never, (error?: unknown) => {
    failed = error
  })
  if (failed) throw failed
  return headers
}

export default fp(
  async (app) => {
    const headers = securityHeaders()
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers)
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
      done()
    })
  },
  { name: 'security-headers' },
)
