import { sql } from 'kysely'
import { loadConfig } from '../../server/src/config.ts'
import { openDatabase } from '../../server/src/db/open.ts'
import { jurisdictionTallies, oldestPending } from '../../server/src/ledgers/ledgers.repository.ts'
import { buildLedger } from '../../server/src/ledgers/ledgers.service.ts'
import * as w from '../../server/src/work/summary.repository.ts'
import { workSummaryOf } from '../../server/src/work/summary.service.ts'
const name = process.argv[2]
const config = loadConfig({ DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, WECHAT_MODE: 'dev', SEED_DEMO: 'false' })
const handle = await openDatabase(config)
const db = handle.db
const { rows } = await sql`select code, name, level, path from regions where code = '350102'`.execute(db)
const region = rows[0]
const scope = { root: region.path, perChild: false }
const year = 2026
const cases = {
  ledger: () => buildLedger(db, region, new Date()),
  tallies: () => jurisdictionTallies(db, region.path),
  oldest: () => oldestPending(db, region.path),
  work: () => workSummaryOf(db, region, year),
  training: () => w.trainingCounts(db, scope, year),
  targets: () => w.countyTargetCounts(db, scope, year, 30),
  liaisons: () => w.liaisonCounts(db, scope, year),
  visits: () => w.visitCounts(db, scope, year),
  stations: () => w.guidanceStationCounts(db, scope),
  committees: () => w.committeeCounts(db, scope, year),
}
for (const [label, run] of Object.entries(cases)) {
  const T = []
  for (let i = 0; i < 60; i++) { const t0 = performance.now(); await run(); if (i >= 10) T.push(performance.now() - t0) }
  T.sort((a, b) => a - b)
  console.log(label.padEnd(12), 'p50', T[25].toFixed(2), 'p98', T[49].toFixed(2))
}
await handle.close()
