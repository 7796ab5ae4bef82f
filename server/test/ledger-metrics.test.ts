import { MarketOpenerForm, OperatorForm, RiderForm } from '@djt/shared'
import t from 'tap'
import { type RepeatableFile, readRepeatables } from '../src/db/migrate.ts'
import { columnFormReads, metric, metricFormReads } from '../src/ledgers/metrics.ts'

// The tally triggers (SQL) and the ledger (TypeScript) meet only in strings: a metric name
// and the membership form keys the SQL reads. A rename on one side alone would silently
// zero a figure, and ledger_recount() would agree with the triggers. This test reads the
// repeatable SQL and holds it to server/src/ledgers/metrics.ts and the shared form schemas.

const forms = { rider: RiderForm, operator: OperatorForm, market_opener: MarketOpenerForm }
const formKinds = Object.keys(forms)

/** `'members.kind'`: a dotted literal, not a setting's name (`current_setting('djt.x')`). */
const METRIC_LITERAL = /(?<!(?:current_setting|set_config)\(\s*)'([a-z]+\.[a-z_]+)'/g
const FORM_READ = /\bform\s*->>?\s*'([A-Za-z_]+)'/g
const KIND_CONDITION = /\bkind\s*=\s*'([a-z_]+)'/g

interface Segment {
  file: string
  text: string
  metrics: string[]
  formKeys: string[]
  kinds: string[]
}

/** One branch each: a `union all` arm, or a statement. */
function segments(files: RepeatableFile[]): Segment[] {
  return files.flatMap((file) =>
    file.sql
      .replace(/--[^\n]*/g, '')
      .split(/\bunion\s+all\b|;/i)
      .map((text) => ({
        file: file.name,
        text: text.trim(),
        metrics: [...text.matchAll(METRIC_LITERAL)].map((match) => match[1] ?? ''),
        formKeys: [...text.matchAll(FORM_READ)].map((match) => match[1] ?? ''),
        kinds: [...text.matchAll(KIND_CONDITION)].map((match) => match[1] ?? ''),
      })),
  )
}

type Reads = Record<string, { kind: string; keys: string[] }>

/** What the SQL reads of the form, by metric; problems where a read is not attributable. */
function formReadsOf(all: Segment[]): { reads: Reads; problems: string[] } {
  const reads: Reads = {}
  const problems: string[] = []
  for (const segment of all.filter((each) => each.formKeys.length > 0)) {
    // A trigger filling a column from the form reads for the metric counting through it.
    const column = /\bnew\.([a-z_]+)\s*:=/.exec(segment.text)?.[1] ?? ''
    const through = Object.entries(columnFormReads).find(([name]) => name === column)?.[1]
    const named = segment.metrics.length === 0 && through ? [through] : segment.metrics
    const [name, ...others] = [...new Set(named)]
    const [kind, ...otherKinds] = [...new Set(segment.kinds)]
    if (!name || others.length > 0 || !kind || otherKinds.length > 0) {
      problems.push(
        `${segment.file}: a form read needs one metric (or a column of columnFormReads) and one m.kind = '…' beside it: ${segment.text}`,
      )
      continue
    }
    const keys = [...new Set([...(reads[name]?.keys ?? []), ...segment.formKeys])].sort()
    reads[name] = { kind, keys }
  }
  return { reads, problems }
}

const listed: string[] = Object.values(metric)
const listedReads: Reads = Object.fromEntries(
  Object.entries(metricFormReads).map(([name, read]) => [
    name,
    { kind: read.kind, keys: [...read.keys].sort() },
  ]),
)

t.test('every metric the SQL writes is in the list, and every listed one is written', async (t) => {
  const written = new Set(segments(await readRepeatables()).flatMap((each) => each.metrics))
  t.ok(written.size >= 20, `${written.size} metric names found in the repeatable SQL`)
  t.same(
    [...written].filter((name) => !listed.includes(name)),
    [],
    'written by the SQL, missing from server/src/ledgers/metrics.ts',
  )
  t.same(
    listed.filter((name) => !written.has(name)),
    [],
    'listed in server/src/ledgers/metrics.ts, written by no SQL',
  )
})

t.test('the form keys the SQL reads are the listed ones, per metric', async (t) => {
  const { reads, problems } = formReadsOf(segments(await readRepeatables()))
  t.same(problems, [])
  t.ok(Object.keys(reads).length >= 5, 'form reads found in the repeatable SQL')
  t.same(reads, listedReads, 'metricFormReads says what ledger_tallies.sql reads')
})

t.test('every form key read is a field of that kind of form (shared zod schema)', async (t) => {
  const { reads } = formReadsOf(segments(await readRepeatables()))
  for (const [name, read] of Object.entries({ ...reads, ...listedReads })) {
    const schema = forms[read.kind as keyof typeof forms]
    if (!schema) {
      t.fail(`${name} reads the form of kind ${read.kind}, not one of ${formKinds.join(', ')}`)
      continue
    }
    const fields = Object.keys(schema.shape)
    for (const key of read.keys) t.ok(fields.includes(key), `${name}: ${read.kind} form has ${key}`)
  }
})

t.test('a rename on either side is caught', async (t) => {
  const files = await readRepeatables()
  const renamed = files.map((file) => ({
    ...file,
    sql: file.sql
      .replace("'riders.full'", "'riders.full_members'")
      .replace(/'flowMember'/g, "'isFlow'"),
  }))
  const written = new Set(segments(renamed).flatMap((each) => each.metrics))
  t.notOk(written.has('riders.full'), 'a metric renamed in SQL is no longer written')
  t.ok(
    written.has('riders.full_members') && !listed.includes('riders.full_members'),
    'the new name is written, and the list does not have it',
  )
  const { reads } = formReadsOf(segments(renamed))
  t.notSame(reads, listedReads, 'a form key renamed in SQL no longer matches the list')
})
