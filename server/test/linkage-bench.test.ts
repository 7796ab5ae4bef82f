// The linkage benchmark at CI size: the figures are asserted loosely here; the real ones
// come from the full run (node --import tsx scripts/bench/linkage.mjs).
import t from 'tap'
import { signInStaff } from './fixtures/accounts.ts'
import { runLinkageWorld } from './fixtures/linkage-world.ts'
import { buildTestApp } from './helper.ts'

t.test('500 riders: 强 is precise, finds most genuine members, never an impostor', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.a', 'county', '350102')
  const figures = await runLinkageWorld(app, county, 500)
  t.comment(JSON.stringify(figures))
  t.ok(figures.entries > 500)
  t.ok(figures.strongPrecision >= 0.97, `precision of 强 ${figures.strongPrecision}`)
  t.ok(figures.strongRecall >= 0.9, `recall of 强 ${figures.strongRecall}`)
  // Above it, a genuine report with no ID and a new mobile got 强: so would a colleague.
  t.ok(figures.strongRecall <= figures.strongRecallCeiling, 'no 强 on a rider ID and name alone')
  t.ok(figures.strongOrModerateRecall >= figures.strongRecall)
  t.equal(figures.impostors.strong ?? 0, 0, 'no impostor is 强')
  t.equal(figures.byTruth.non_member?.strong ?? 0, 0, 'a rider the roster says is no member')
})
