// `npm run build`: the H5 pages (with their brotli and gzip copies) and the compiled server,
// both from scratch. Production then runs `node --enable-source-maps server/dist/server.js`.
import { ensureH5Build } from './lib/h5-build.mjs'
import { buildServer } from './lib/server-build.mjs'

const server = await buildServer()
const h5 = server === 0 ? await ensureH5Build({ force: true }) : 1
if (server !== 0 || h5 !== 0) {
  console.error(`党建通: the ${server !== 0 ? 'server' : 'H5'} build failed; see the output above.`)
  process.exit(1)
}
