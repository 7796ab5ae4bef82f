// `npm start`: build the H5 pages if needed, then run the server (embedded PostgreSQL by
// default, DATABASE_URL for a real one).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureH5Build, root } from './lib/h5-build.mjs'

const built = await ensureH5Build()
if (built !== 0) {
  console.error('党建通: the H5 build failed; see the output above.')
  process.exit(built)
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'server/src/server.ts')],
  {
    stdio: 'inherit',
  },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
