// The house rules' figures (ARCHITECTURE.md), counted from the sources as they are:
//   node scripts/house-figures.mjs [--list]
// Prints: server files importing another domain's modules, imports across mini-program
// sub-packages (each is its own download; the main package's folders are for all), casts of `request.caller`, SQL builders outside
// repositories, `process.env` outside the config modules, and hex colours outside the
// design-token files. `--list` names each file counted. Plain text scanning of import
// lines, no TypeScript needed, so it runs on any checkout (and on an old commit, for a
// before-and-after).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const list = process.argv.includes('--list')

/** Server folders that hold no domain: plumbing every domain may use. */
const SERVER_SHARED = new Set([
  'kernel',
  'db',
  'http',
  'plugins',
  'crypto',
  'config',
  'paths',
  'version',
  'app',
  'server',
  'cli',
  'seed',
  'shared-state',
  'uploads',
  'wechat',
  'audit',
  'auth',
  'regions',
  'meta',
])

function files(dir, extensions) {
  const out = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...files(full, extensions))
    else if (extensions.some((ext) => name.endsWith(ext))) out.push(full)
  }
  return out
}

const rel = (file) => path.relative(root, file)
const importsOf = (source) =>
  [...source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map(
    (match) => match[1],
  )

/** The first folder (or file stem) under `base` a path lies in. */
function areaOf(base, file) {
  const first = path.relative(base, file).split(path.sep)[0] ?? ''
  return first.replace(/\.(ts|tsx|mjs|js)$/, '')
}

function crossImports(base, sharedAreas) {
  const counted = []
  for (const file of files(base, ['.ts', '.tsx'])) {
    const from = areaOf(base, file)
    if (sharedAreas.has(from)) continue
    const targets = new Set()
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec)
      if (!target.startsWith(base)) continue
      const to = areaOf(base, target)
      if (to !== from && !sharedAreas.has(to)) targets.add(to)
    }
    if (targets.size > 0) counted.push(`${rel(file)} → ${[...targets].sort().join(', ')}`)
  }
  return counted
}

function subPackageImports(base) {
  const counted = []
  for (const file of files(base, ['.ts', '.tsx'])) {
    const from = areaOf(base, file)
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = areaOf(base, path.resolve(path.dirname(file), spec))
      if (to !== from && to.startsWith('package')) counted.push(`${rel(file)} → ${to}`)
    }
  }
  return counted
}

function matching(dir, extensions, pattern, skip = () => false) {
  const counted = []
  for (const file of files(dir, extensions)) {
    if (skip(file)) continue
    const hits = readFileSync(file, 'utf8').match(pattern)
    if (hits) counted.push(`${rel(file)} (${hits.length})`)
  }
  return counted
}
const total = (entries) =>
  entries.reduce((sum, entry) => sum + Number(/\((\d+)\)$/.exec(entry)?.[1] ?? 1), 0)

const server = path.join(root, 'server/src')
const miniapp = path.join(root, 'miniapp/src')
const figures = [
  ['server files importing another domain', crossImports(server, SERVER_SHARED)],
  ['imports across mini-program sub-packages', subPackageImports(miniapp)],
  [
    'casts of request.caller',
    matching(server, ['.ts'], /request\.caller\s+as\b|\bcaller\s+as\s+\w*Caller\b/g),
  ],
  [
    'server files outside repositories building SQL',
    matching(
      server,
      ['.ts'],
      /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/g,
      (file) => /(repository|\.sql|migrate|seed|db[\\/])/.test(file),
    ),
  ],
  [
    'process.env outside the config modules',
    matching(path.join(root, 'server/src'), ['.ts'], /process\.env\b/g, (file) =>
      /config\.ts$/.test(file),
    ).concat(
      matching(miniapp, ['.ts', '.tsx'], /process\.env\.(?!TARO_ENV\b)/g, (file) =>
        /env\.ts$/.test(file),
      ),
    ),
  ],
  [
    'hex colours outside the design tokens',
    matching(
      miniapp,
      ['.scss', '.ts', '.tsx'],
      /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![\w-])/g,
      (file) => /styles[\\/]tokens\./.test(file),
    ),
  ],
]
for (const [name, entries] of figures) {
  const count =
    name.startsWith('casts') || name.startsWith('hex') || name.startsWith('process')
      ? total(entries)
      : entries.length
  console.log(`${String(count).padStart(5)}  ${name}`)
  if (list) for (const entry of entries) console.log(`         ${entry}`)
}
