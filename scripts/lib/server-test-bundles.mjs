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

/** The bundle of a server test file (`test/x.test.ts` → `.test-build/test/x.test.js`). */
export function bundled(file) {
  return path.join('.test-build', file.replace(/\.ts$/, '.js'))
}
