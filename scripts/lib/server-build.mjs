// The server compiled for production: one ESM bundle per entry point in server/dist/.
//
// Why esbuild and not tsc emit: @djt/shared exports its TypeScript source (the mini-program,
// vitest and tsx all read it that way), and plain Node cannot load .ts from a package. A
// bundle inlines shared/src and leaves every npm dependency external, so shared's package
// stays as it is, PGlite loads its wasm, data and contrib files from node_modules as usual,
// and the build takes about a second, cheap enough for `npm start` to redo when stale.
// Type checking stays with `tsc -p server/tsconfig.json` (npm test, npm run typecheck).
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const serverDist = path.join(root, 'server/dist')
const stampFile = path.join(serverDist, '.source-hash')
const inputs = [
  'server/src',
  'server/package.json',
  'shared/src',
  'shared/package.json',
  'package-lock.json',
  'scripts/lib/server-build.mjs',
]

/**
 * Flat names on purpose: every bundle sits one level below server/, like server/src/paths.ts,
 * so the folders it resolves from import.meta.url (migrations, package.json, the H5 build)
 * are the same compiled or not.
 */
const entryPoints = {
  server: 'server/src/server.ts',
  staff: 'server/src/cli/staff.ts',
  'rotate-keys': 'server/src/cli/rotate-keys.ts',
}

export function serverSourceHash() {
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

export function serverBuildIsCurrent() {
  return (
    Object.keys(entryPoints).every((name) => existsSync(path.join(serverDist, `${name}.js`))) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === serverSourceHash()
  )
}

/** Only @djt/shared (TypeScript source) is bundled; npm packages load from node_modules. */
const dependenciesStayExternal = {
  name: 'dependencies-stay-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === '@djt/shared' || args.path.startsWith('@djt/shared/')
        ? undefined
        : { path: args.path, external: true },
    )
  },
}

/**
 * Bundles the server and its CLIs into server/dist/. Returns 0, or 1 after printing why.
 * `outdir` (a folder directly inside server/, like dist/) builds elsewhere, so a test can
 * build from scratch without pulling server/dist/ from under servers running from it.
 */
export async function buildServer({ log = console.log, outdir = serverDist } = {}) {
  const { build } = await import('esbuild')
  const t0 = performance.now()
  if (path.dirname(path.resolve(outdir)) !== path.join(root, 'server'))
    throw new Error(`the server builds into a folder directly inside server/, not ${outdir}`)
  rmSync(outdir, { recursive: true, force: true })
  try {
    await build({
      absWorkingDir: root,
      entryPoints,
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      // Plugin registration and error names stay as written when modules share a name.
      keepNames: true,
      sourcemap: 'linked',
      plugins: [dependenciesStayExternal],
      logLevel: 'warning',
    })
  } catch {
    return 1 // esbuild has printed the errors
  }
  writeFileSync(path.join(outdir, path.basename(stampFile)), serverSourceHash())
  log(
    `server built into ${path.relative(root, outdir)}/ in ${Math.round(performance.now() - t0)} ms`,
  )
  return 0
}

/** Builds the server only when server/dist/ is missing or its sources changed. */
export async function ensureServerBuild({ log = console.log } = {}) {
  if (serverBuildIsCurrent()) {
    log('Server build is current: not rebuilding.')
    return 0
  }
  return buildServer({ log })
}

// `node scripts/lib/server-build.mjs` (npm run build -w server): the server only, from scratch;
// `--outdir server/<folder>` builds there instead of server/dist/.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--outdir')
  const outdir = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : serverDist
  process.exitCode = await buildServer({ outdir })
}
