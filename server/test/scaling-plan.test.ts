import { readFile } from 'node:fs/promises'
import { sql } from 'kysely'
import t from 'tap'
import { loadPlan, planProblems, readCatalog } from './fixtures/citus-plan.ts'
import { docProblems, PLAN_DOC } from './fixtures/citus-plan-doc.ts'
import { buildTestApp } from './helper.ts'

// docs/scaling.md's Citus plan against the live catalog of a migrated database: every
// table placed, every distribution column present (or planned as new), and every unique
// key, foreign key, trigger and advisory lock Citus would refuse listed with its change.

t.test('docs/scaling-plan.json places every table of the live schema', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const plan = await loadPlan()
  const catalog = await readCatalog(app.db)
  t.ok(catalog.tables.length >= 34, `${catalog.tables.length} tables in the schema`)
  t.same(planProblems(plan, catalog), [], 'the plan and the schema agree')
})

t.test('an unplanned table, key, trigger or lock fails the check', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  for (const statement of [
    'create unique index probe_name on memberships (name)',
    'create table probe (id int primary key, membership_id uuid references memberships (id))',
    'alter table pledge_versions add column county_code char(6)',
    'alter table refresh_tokens drop constraint refresh_tokens_token_hash_key',
    'alter table platform_sites add constraint probe_fk foreign key (id) references pledges (id)',
    'create trigger probe_trigger before update on places for each row execute function ledger_period_snapshots_frozen()',
  ]) {
    await sql.raw(statement).execute(app.db)
  }
  const catalog = await readCatalog(app.db)
  catalog.advisoryLocks.push('djt-probe')
  const problems = planProblems(await loadPlan(), catalog)
  const expected = [
    /^memberships: unique key probe_name \(name\) lacks the distribution column county_code/,
    /^table probe is not in the plan/,
    /^pledge_versions: county_code exists already: drop newColumn/,
    /^refresh_tokens: uniqueChanges names refresh_tokens_token_hash_key, which Citus would not refuse/,
    /^platform_sites: foreign key probe_fk .* does not pair the distribution columns region_code → region_code/,
    /^trigger places.probe_trigger is not in the plan/,
    /^advisory lock djt-probe is not in the plan/,
  ]
  for (const pattern of expected) {
    t.ok(
      problems.some((problem) => pattern.test(problem)),
      `reported: ${pattern}`,
    )
  }
  t.equal(problems.length, expected.length, problems.join('\n'))
})

t.test('docs/scaling.md says what the plan says', async (t) => {
  const plan = await loadPlan()
  t.same(docProblems(plan, await readFile(PLAN_DOC, 'utf8')), [])
  const edited = (await readFile(PLAN_DOC, 'utf8')).replace(
    '| `users` | distributed | users | `id` |',
    '| `users` | reference | | |',
  )
  t.match(docProblems(plan, edited), [
    /row for users says "reference {2}", the plan "distributed users id"/,
  ])
})
