// What the house rules (ARCHITECTURE.md) look for, by plain text scanning of the sources:
// no TypeScript needed, so it runs on any checkout (and on an old commit, for a
// before-and-after). Used by scripts/house-figures.mjs (counts) and
// scripts/check-house-rules.mjs (the rules `npm run lint` enforces).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** Server folders that hold no domain: plumbing every domain may use. */
export const SERVER_SHARED = new Set([
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
  'content-check',
])

export function files(dir, extensions) {
  const out = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...files(full, extensions))
    else if (extensions.some((ext) => name.endsWith(ext))) out.push(full)
  }
  return out
}

export const rel = (file) => path.relative(root, file)
/** Relative module paths a file imports: `import … from`, `export … from`, `import '…'`, `import('…')`. */
export const importsOf = (source) =>
  [
    ...source.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3])

/** The first folder (or file stem) under `base` a path lies in. */
export function areaOf(base, file) {
  const first = path.relative(base, file).split(path.sep)[0] ?? ''
  return first.replace(/\.(ts|tsx|mjs|js)$/, '')
}

export function crossImports(base, sharedAreas) {
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

export function subPackageImports(base) {
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

export function matching(dir, extensions, pattern, skip = () => false) {
  const counted = []
  for (const file of files(dir, extensions)) {
    if (skip(file)) continue
    const hits = readFileSync(file, 'utf8').match(pattern)
    if (hits) counted.push(`${rel(file)} (${hits.length})`)
  }
  return counted
}
export const total = (entries) =>
  entries.reduce((sum, entry) => sum + Number(/\((\d+)\)$/.exec(entry)?.[1] ?? 1), 0)

export const server = path.join(root, 'server/src')
export const miniapp = path.join(root, 'miniapp/src')

/** Server files outside repositories, kernel, db, seeds and migrations that build SQL. */
export const sqlOutsideRepositories = () =>
  matching(server, ['.ts'], /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/g, (file) =>
    /(repository\.ts|seed\.ts|[\\/](db|kernel)[\\/])/.test(file),
  )

/**
 * jsonb columns whose rows read as `unknown` (to cast on every read): columns typed
 * `ColumnType<unknown, …>` directly or through a local alias, in db/schema.ts and the
 * domains' *.table.ts. The earthdistance `geo` column is not JSON and is never selected.
 */
export function untypedJsonColumns() {
  const counted = []
  const tables = files(server, ['.ts']).filter(
    (file) => file.endsWith('.table.ts') || file.endsWith(`db${path.sep}schema.ts`),
  )
  for (const file of tables) {
    const source = readFileSync(file, 'utf8')
    const aliases = [...source.matchAll(/^type (\w+) = ColumnType<unknown\b/gm)].map((m) => m[1])
    const typed =
      aliases.length > 0
        ? `ColumnType<unknown\\b|(?:${aliases.join('|')})\\b`
        : 'ColumnType<unknown\\b'
    const columns = [...source.matchAll(new RegExp(`^\\s+(\\w+)\\??: (?:${typed})`, 'gm'))]
      .map((m) => m[1])
      .filter((name) => name !== 'geo')
    if (columns.length > 0) counted.push(`${rel(file)}: ${columns.join(', ')} (${columns.length})`)
  }
  return counted
}

/** `fastify` imported by a service or a repository (they must not know HTTP). */
export const fastifyInLowerLayers = () =>
  matching(server, ['.service.ts', '.repository.ts'], /from\s+'fastify'/g)

/** `process.env` read outside the config modules (Taro's TARO_ENV switch excepted). */
export const envOutsideConfig = () =>
  matching(server, ['.ts'], /process\.env\b/g, (file) =>
    file.endsWith(`${path.sep}config.ts`),
  ).concat(
    matching(miniapp, ['.ts', '.tsx'], /process\.env\.(?!TARO_ENV\b)/g, (file) =>
      file.endsWith(`${path.sep}env.ts`),
    ),
  )

/**
 * Busy flags kept by hand in the mini-program (`hooks/useMutation.ts` is the one home): a
 * state setter called first thing in a `finally`, or a busy-named flag reset right after an
 * awaited call (`setBusy(true); await send(); setBusy(false)`).
 */
export const handMadeBusy = () =>
  matching(
    miniapp,
    ['.ts', '.tsx'],
    /\bfinally\s*(?:\{\s*|\(\s*\(\)\s*=>\s*)set[A-Z]\w*\(|\bawait\b[^\n]*\n(?:[^\n]*\n){0,2}?\s*set(?:Busy|Saving|Submitting|Sending|Exporting|Loading)\w*\((?:false|null)\)/g,
    (file) => file.endsWith(`${path.sep}useMutation.ts`),
  )

/**
 * Mini-program files keeping a form's field messages in React state of their own instead of
 * `forms/useZodForm.ts`: `useState<…Errors>`, or a state shape with `errors: …Errors` in a
 * file that calls `useState`.
 */
export const ownFormState = () =>
  matching(
    miniapp,
    ['.ts', '.tsx'],
    /useState<[^>]*Errors\b[^>]*>|^\s+errors: \w*Errors\b(?=[\s\S]*\buseState\b)/gm,
    (file) => file.includes(`${path.sep}forms${path.sep}`),
  )

/** Runtime import cycles (type-only imports excluded) among our own modules. */
export function importCycles(dirs) {
  const graph = new Map()
  for (const dir of dirs) {
    for (const file of files(dir, ['.ts', '.tsx'])) {
      const source = readFileSync(file, 'utf8')
      const deps = [
        ...source.matchAll(
          /^\s*(?:import|export)(?!\s+type\b)[^'"\n]*?from\s+['"](\.[^'"]+)['"]/gm,
        ),
      ]
        .map((match) => resolveModule(path.resolve(path.dirname(file), match[1])))
        .filter((target) => target !== undefined)
      graph.set(file, deps)
    }
  }
  // Tarjan's strongly connected components: each with more than one file is a cycle.
  let counter = 0
  const stack = []
  const onStack = new Set()
  const order = new Map()
  const low = new Map()
  const cycles = []
  const visit = (node) => {
    order.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue
      if (!order.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node), low.get(next)))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), order.get(next)))
    }
    if (low.get(node) !== order.get(node)) return
    const component = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      component.push(rel(member))
    } while (member !== node)
    if (component.length > 1) cycles.push(component.sort().join(' ⇄ '))
  }
  for (const node of graph.keys()) if (!order.has(node)) visit(node)
  return cycles
}

function resolveModule(target) {
  for (const candidate of [
    target,
    `${target}.ts`,
    `${target}.tsx`,
    path.join(target, 'index.ts'),
    path.join(target, 'index.tsx'),
  ]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not this one
    }
  }
  return undefined
}
