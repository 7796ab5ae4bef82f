import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyInstance {
    /** The H5 home page this server serves at `/`, if it found a build at start. */
    homePage: string | undefined
  }
}

/**
 * Serves the H5 build of the mini-program at /. It uses hash routing, so no fallback
 * route is needed and unknown paths still get the JSON 404.
 */
export default fp(
  async (app, { root }: { root: string }) => {
    const index = path.join(root, 'index.html')
    app.decorate('homePage', existsSync(index) ? index : undefined)
    if (!app.homePage) {
      app.log.warn({ root }, 'H5 build not found: run `npm run build:h5` to serve the pages at /')
      return
    }
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      setHeaders(reply, filePath) {
        // Hashed asset names may be cached for good; index.html must be fetched every time.
        const hashed = /\.[0-9a-f]{8,}\.(js|css|png|svg|woff2?)$/.test(filePath)
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  },
  { name: 'h5' },
)
