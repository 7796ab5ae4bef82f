// `npm start`: build the H5 pages and the server if needed, then run the compiled server
// with plain node (embedded PostgreSQL by default, DATABASE_URL for a real one).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureH5Build, root } from './lib/h5-build.mjs'
import { ensureServerBuild, serverDist } from './lib/server-build.mjs'

for (const [what, ensure] of [
  ['server', ensureServerBuild],
  ['H5', ensureH5Build],
]) {
  const built = await ensure()
  if (built !== 0) {
    console.error(`党建通: the ${what} build failed; see the output above.`)
    process.exit(built)
  }
}

const server = spawn(
  process.execPath,
  ['--enable-source-maps', path.join(serverDist, 'server.js')],
  { cwd: root, stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
