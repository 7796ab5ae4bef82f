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
 * Webpack's names in the H5 build: `js/app.9fde0a54.js`, `css/114.409a4da2.css`,
 * `static/images/logo.1a2b3c4d.png`, the `.js.LICENSE.txt` beside each chunk, and the
 * `.br` / `.gz` siblings the build writes (the path seen here is the file actually sent).
 */
export const HASHED_ASSET =
  /\.[0-9a-f]{8,}\.(?:js|css|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|eot|js\.LICENSE\.txt)(?:\.br|\.gz)?$/

/**
 * Serves the H5 build of the mini-program at /. It uses hash routing, so no fallback
 * route is needed and unknown paths still get the JSON 404. `npm run build:h5` writes a
 * brotli (quality 11) and a gzip copy of each text asset; they are sent to browsers that
 * accept them, with no compression work per request.
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
      preCompressed: true,
      setHeaders(reply, filePath) {
        // Hashed asset names may be cached for good; index.html must be fetched every time.
        const hashed = HASHED_ASSET.test(filePath)
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  },
  { name: 'h5' },
)
