import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import fp from 'fastify-plugin'
import helmet from 'helmet'

/**
 * Security headers on every answer, as helmet writes them. The H5 build loads its own
 * files, and index.html's one inline script (the earlier plaques' redirect) is allowed by
 * its hash alone, so scripts come from 'self' and that hash;
 * styles allow inline because React sets `style` attributes; images allow data: and blob:
 * (QR codes, the plaque preview, photos picked before upload). No page may be framed,
 * which keeps the staff pages from being overlaid by another site. The API's JSON gets the
 * same headers, harmless there. HSTS only on an answer that went out over HTTPS (directly
 * or through a trusted proxy's X-Forwarded-Proto): on plain HTTP it would mean nothing.
 */
const policy = (inlineScriptHashes: readonly string[]) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)],
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
export function securityHeaders(
  inlineScriptHashes: readonly string[] = [],
): Record<string, string> {
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
  policy(inlineScriptHashes)({} as never, response as never, (error?: unknown) => {
    failed = error
  })
  if (failed) throw failed
  return headers
}

/** `sha256-…` of each inline script in an HTML page, as a CSP source allows it. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}`,
  )
}

export default fp(
  async (app, { homePage }: { homePage?: string }) => {
    const html = homePage && existsSync(homePage) ? readFileSync(homePage, 'utf8') : ''
    const headers = securityHeaders(inlineScriptHashes(html))
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(headers)
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
      done()
    })
  },
  { name: 'security-headers' },
)
