// The server's test files bundled ahead for `npm test`: one ESM file per test file in
// server/.test-build/, every npm package left external, run by tap with no TypeScript loader.
//
// Why: loading the server's ~250 TypeScript modules through tsx's loader hooks (which Node
// 20 runs on a second thread, one round trip per import) took about 3.5 s of every test
// process; the same code as one bundle loads in about 1 s, and the suite starts ~80 test
// processes. Each module keeps its own `import.meta.url` (replaced by its source file's URL
// before bundling), so every path a module resolves from where it lives is the one it
// resolves under tsx. Child processes and workers the tests start still run the sources
// with `--import tsx`, as they always did. `npx tap test/x.test.ts` runs the sources as
// before (server/test/fixtures/ts-loader.mjs).
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './server-build.mjs'

const server = path.join(root, 'server')
export const testBuild = path.join(server, '.test-build')

/** Every module's `import.meta.url` stays its source file's; npm packages stay external. */
const asIfUnbundled = {
  name: 'as-if-unbundled',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === '@djt/shared' || args.path.startsWith('@djt/shared/')
        ? undefined
        : { path: args.path, external: true },
    )
    build.onLoad({ filter: /\.m?ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }))
  },
}

/**
 * Bundles server/test/*.test.ts and *.alone.ts into server/.test-build/test/*.js (the
 * names tap reports). Returns the test files' bundles (not the *.alone ones), relative to
 * server/.
 */
export async function bundleServerTests() {
  const { build } = await import('esbuild')
  const tests = readdirSync(path.join(server, 'test')).filter((name) =>
    /\.(test|alone)\.ts$/.test(name),
  )
  rmSync(testBuild, { recursive: true, force: true })
  mkdirSync(testBuild, { recursive: true })
  await build({
    absWorkingDir: server,
    entryPoints: Object.fromEntries(
      tests.map((name) => [`test/${name.replace(/\.ts$/, '')}`, `test/${name}`]),
    ),
    outdir: testBuild,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [asIfUnbundled],
  })
  return tests.filter((name) => name.endsWith('.test.ts')).map((name) => bundled(`test/${name}`))
}

/**
 * Files that keep a process of their own: they start servers, builds or children, time
 * themselves, fill the database or run long (the property tests and the fuzz test).
 */
const OWN_PROCESS = new Set([
  'backup-restore.test.ts',
  'compiled.test.ts',
  'fuzz-1.test.ts',
  'fuzz-2.test.ts',
  'fuzz-3.test.ts',
  'fuzz-4.test.ts',
  'ledger-links.test.ts',
  'ledgers-tally.test.ts',
  'migrate.test.ts',
  'operability.test.ts',
  // Sets the process's password hashing cost, which apps built by the other files set too.
  'password.test.ts',
  'process.test.ts',
  'public-limits.test.ts',
  'registers-crash.test.ts',
  'staff-cli.test.ts',
])

/**
 * The other test files four to a process: one bundle imports them in turn, so the server's
 * modules load once for four files (about 1 s of CPU a process, over 70 processes) and their
 * tests run in that order under one TAP stream, as tap runs a file's own tests. A test file
 * keeps to itself (no shared globals; each test builds its own app on its own database),
 * which is what lets four share a process. Returns the bundles to run, relative to server/:
 * the groups, then the files of OWN_PROCESS.
 */
export async function bundleServerTestGroups(size = 4) {
  const { build } = await import('esbuild')
  const tests = readdirSync(path.join(server, 'test'))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
  const grouped = tests.filter((name) => !OWN_PROCESS.has(name))
  const groups = []
  for (let i = 0; i < grouped.length; i += size) groups.push(grouped.slice(i, i + size))
  const names = groups.map(
    (group) => `group-${group.map((name) => name.replace(/\.test\.ts$/, '')).join('+')}`,
  )
  const entries = {
    name: 'test-groups',
    setup(build) {
      build.onResolve({ filter: /^test-group:/ }, (args) => ({
        path: args.path.slice('test-group:'.length),
        namespace: 'test-group',
      }))
      build.onLoad({ filter: /.*/, namespace: 'test-group' }, (args) => ({
        contents: (groups[Number(args.path)] ?? [])
          .map((name) => `import './test/${name}'`)
          .join('\n'),
        resolveDir: server,
        loader: 'ts',
      }))
    },
  }
  await build({
    absWorkingDir: server,
    entryPoints: Object.fromEntries(
      names.map((name, i) => [`groups/${name}.test`, `test-group:${i}`]),
    ),
    outdir: testBuild,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [entries, asIfUnbundled],
  })
  return [
    ...names.map((name) => path.join('.test-build', 'groups', `${name}.test.js`)),
    ...tests.filter((name) => OWN_PROCESS.has(name)).map((name) => bundled(`test/${name}`)),
  ]
}

/** The bundle of a server test file (`test/x.test.ts` → `.test-build/test/x.test.js`). */
export function bundled(file) {
  return path.join('.test-build', file.replace(/\.ts$/, '.js'))
}
