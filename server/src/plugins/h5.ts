import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import fp from 'fastify-plugin'

/**
 * Serves the H5 build of the mini-program at /. It uses hash routing, so no fallback
 * route is needed and unknown paths still get the JSON 404.
 */
export default fp(
  async (app, { root }: { root: string }) => {
    if (!existsSync(root)) {
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
