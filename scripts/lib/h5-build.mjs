import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './run.mjs'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const h5Dir = path.join(root, 'miniapp/dist-h5')
const stampFile = path.join(h5Dir, '.source-hash')
const inputs = [
  'miniapp/src',
  'miniapp/config',
  'miniapp/babel.config.js',
  'miniapp/package.json',
  'shared/src',
  'package-lock.json',
  'scripts/precompress.mjs',
]

/** A hash of everything the H5 build is made from: contents, not mtimes (a clone resets those). */
export function h5SourceHash() {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap((input) => listFiles(path.join(root, input))).sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

function listFiles(target) {
  if (!existsSync(target)) return []
  if (!statSync(target).isDirectory()) return [target]
  return readdirSync(target).flatMap((name) => listFiles(path.join(target, name)))
}

export function h5BuildIsCurrent() {
  return (
    existsSync(path.join(h5Dir, 'index.html')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === h5SourceHash()
  )
}

/** Builds the H5 app only when it is missing or its sources changed (or `force`). Returns
 * the exit code. */
export async function ensureH5Build({ log = console.log, force = false } = {}) {
  if (!force && h5BuildIsCurrent()) {
    log('H5 build is current: not rebuilding.')
    return 0
  }
  log(
    `${force ? 'Building the H5 pages' : 'H5 build is missing or stale: building it'} (about a minute)…`,
  )
  const code = await run('npm', ['run', 'build:h5', '-w', 'miniapp'], { cwd: root })
  if (code === 0) writeFileSync(stampFile, h5SourceHash())
  return code
}
