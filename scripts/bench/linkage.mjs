// Issue 18's benchmark: a noisy world (registers plus self-reports labelled with the
// truth: format noise, homophones, traditional characters, one-character typos, new
// mobiles, an ID one slip away, combined noise, and impostors using a colleague's name
// and rider ID or a listed member's name with their own ID) run through the real import
// route and evidence path on a throwaway PostgreSQL database. Prints the precision and
// recall of 强 (recall over genuine reports of members listed in both registers), of 强
// or 中, and what the impostors were given. Targets: precision of 强 ≥ 0.99 at recall ≥
// 0.95; no impostor 强. The world is server/test/fixtures/linkage-world.ts; CI runs it at
// 500 (server/test/linkage-bench.test.ts).
// Run: node --import tsx scripts/bench/linkage.mjs [people=2000] [seed=18]
import { createBenchDatabase } from './pg-bench.mjs'

const size = Number(process.argv[2] ?? 2_000)
const seed = Number(process.argv[3] ?? 18)
const database = await createBenchDatabase('linkage')
process.env.DATABASE_URL = database.url
const teardowns = []
try {
  // Imported after DATABASE_URL is set: the helper picks its driver from it.
  const { buildTestApp } = await import('../../server/test/helper.ts')
  const { signInStaff } = await import('../../server/test/fixtures/accounts.ts')
  const { runLinkageWorld } = await import('../../server/test/fixtures/linkage-world.ts')
  const app = await buildTestApp({ teardown: (fn) => teardowns.push(fn) })
  const county = await signInStaff(app, 'bench.county', 'county', '350102')
  const started = performance.now()
  const figures = await runLinkageWorld(app, county, size, seed)
  const seconds = (performance.now() - started) / 1000
  const pct = (x) => `${(x * 100).toFixed(2)}%`
  console.log(
    `people ${size}, self-reports ${figures.entries}, seed ${seed} (${seconds.toFixed(1)} s)`,
  )
  console.log(`强: precision ${pct(figures.strongPrecision)}, recall ${pct(figures.strongRecall)}`)
  console.log(
    `  recall of 强 possible: ${pct(figures.strongRecallCeiling)} (the rest give no ID and a new mobile, as a colleague borrowing a rider ID does)`,
  )
  console.log(
    `强或中: precision ${pct(figures.strongOrModeratePrecision)}, recall ${pct(figures.strongOrModerateRecall)}`,
  )
  console.log(`impostors by strength: ${JSON.stringify(figures.impostors)}`)
  for (const [truth, counts] of Object.entries(figures.byTruth))
    console.log(`  ${truth.padEnd(20)} ${JSON.stringify(counts)}`)
  const missed =
    figures.strongPrecision < 0.99 ||
    figures.strongRecall < 0.95 ||
    (figures.impostors.strong ?? 0) > 0
  if (missed) console.log('TARGET MISSED')
  process.exitCode = missed ? 1 : 0
} finally {
  for (const fn of teardowns.reverse()) await fn()
  await database.drop()
}
