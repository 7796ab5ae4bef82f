#!/usr/bin/env node
// Measures the weapp build in miniapp/dist/ against WeChat's package limits:
// 2 MB for the main package and for each subpackage, 20 MB in all.
// Usage: node scripts/check-weapp-size.mjs [dist dir, default miniapp/dist]
// Exit 0 within limits, 1 over a limit, 2 when there is no build to measure.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_LIMIT = 2 * 1024 * 1024
const TOTAL_LIMIT = 20 * 1024 * 1024
const SHELL_AIM = 1024 * 1024

const defaultDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../miniapp/dist')
const dist = path.resolve(process.argv[2] ?? defaultDist)
const appJsonPath = path.join(dist, 'app.json')

let appJson
try {
  appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'))
} catch (error) {
  const reason = error.code === 'ENOENT' ? 'is missing' : `cannot be read (${error.message})`
  console.error(`${path.relative(process.cwd(), appJsonPath)} ${reason}.`)
  console.error('Build the mini-program first: npm run build:weapp')
  process.exit(2)
}

/** Every file under `dir` as [path relative to dist with '/' separators, bytes]. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name)
      return [path.relative(dist, full).split(path.sep).join('/'), statSync(full).size]
    })
}

const subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) =>
  sub.root.replace(/^\.?\/+/, '').replace(/\/*$/, '/'),
)
const sizes = new Map(subpackageRoots.map((root) => [root, 0]))
let main = 0
let total = 0
for (const [file, bytes] of filesUnder(dist)) {
  total += bytes
  const root = subpackageRoots.find((r) => file.startsWith(r))
  if (root) sizes.set(root, sizes.get(root) + bytes)
  else main += bytes
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const share = (bytes, limit) => `${((bytes / limit) * 100).toFixed(0)} % of ${kb(limit)}`
const problems = []
const report = (label, bytes, limit) => {
  const over = bytes > limit
  if (over) problems.push(`${label} is ${kb(bytes)}, over the ${kb(limit)} limit`)
  console.log(
    `${over ? 'OVER' : 'ok  '}  ${label.padEnd(28)} ${kb(bytes).padStart(11)}  (${share(bytes, limit)})`,
  )
}

console.log(`weapp package sizes in ${path.relative(process.cwd(), dist) || '.'}`)
report('total', total, TOTAL_LIMIT)
report('main package', main, PACKAGE_LIMIT)
for (const [root, bytes] of sizes) report(`subpackage ${root}`, bytes, PACKAGE_LIMIT)
console.log(`aim ≤ 1 MB for the shell: main package ${kb(main)} (${share(main, SHELL_AIM)})`)

if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  process.exit(1)
}
