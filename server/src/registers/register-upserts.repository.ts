import type { RegisterKind } from '@djt/shared'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import { type Column, castColumns, unnestRows } from '../kernel/sql-arrays.ts'
import type { RegisterRecord } from './register-rows.ts'

interface Target {
  table: string
  columns: readonly Column[]
  /** The natural key as an ON CONFLICT target. */
  conflict: string
}

const region: Column[] = [
  ['region_code', 'text'],
  ['region_path', 'ltree'],
]
const targets: Record<Exclude<RegisterKind, 'party_list'>, Target> = {
  business: {
    table: 'register_business',
    conflict: '(uscc)',
    columns: [
      ['uscc', 'text'],
      ['name', 'text'],
      ['name_norm', 'text'],
      ['legal_representative', 'text'],
      ['legal_representative_norm', 'text'],
      ['status', 'text'],
      ['active', 'boolean'],
      ...region,
    ],
  },
  annual_report: {
    table: 'register_annual_report',
    conflict: '(uscc)',
    columns: [
      ['uscc', 'text'],
      ['member_count', 'integer'],
      ['has_organisation', 'boolean'],
      ['region_path', 'ltree'],
    ],
  },
  platform_roster: {
    table: 'register_platform_roster',
    conflict: '(platform, rider_id_norm)',
    columns: [
      ['platform', 'text'],
      ['rider_id_norm', 'text'],
      ['name', 'text'],
      ['name_norm', 'text'],
      ['mobile_enc', 'text'],
      ['mobile_bi', 'text'],
      ['is_member', 'boolean'],
      ...region,
    ],
  },
}
const partyColumns: Column[] = [
  ['name', 'text'],
  ['name_norm', 'text'],
  ['id_number_enc', 'text'],
  ['id_number_bi', 'text'],
  ['mobile_enc', 'text'],
  ['mobile_bi', 'text'],
  ['organisation', 'text'],
  ...region,
]
const partyById: Target = {
  table: 'register_party_list',
  columns: partyColumns,
  conflict: '(id_number_bi)',
}
const partyByNameAndMobile: Target = {
  ...partyById,
  conflict: '(name_norm, mobile_bi) where id_number_bi is null',
}

/** One multi-row upsert by natural key; the rows' keys are distinct (the caller dedupes). */
export async function upsertRegisterRows(
  db: Kysely<Database>,
  kind: RegisterKind,
  importId: string,
  rows: RegisterRecord[],
): Promise<void> {
  if (kind !== 'party_list') return upsert(db, targets[kind], importId, rows)
  const withId = rows.filter((row) => row.id_number_bi)
  await upsert(
    db,
    partyByNameAndMobile,
    importId,
    rows.filter((row) => !row.id_number_bi),
  )
  await dropSuperseded(db, withId)
  await upsert(db, partyById, importId, withId)
}

/** A person now listed with an ID number supersedes the row known only by name and mobile. */
async function dropSuperseded(db: Kysely<Database>, withId: RegisterRecord[]) {
  const known = withId.filter((row) => row.mobile_bi)
  if (known.length === 0) return
  const keys = unnestRows(
    [
      ['name_norm', 'text'],
      ['mobile_bi', 'text'],
    ],
    known,
  )
  await sql`delete from register_party_list p using ${keys}
    where p.id_number_bi is null and p.name_norm = t.name_norm and p.mobile_bi = t.mobile_bi`.execute(
    db,
  )
}

async function upsert(
  db: Kysely<Database>,
  target: Target,
  importId: string,
  rows: RegisterRecord[],
) {
  if (rows.length === 0) return
  const names = target.columns.map(([name]) => name)
  const updates = [...names, 'import_id'].map(
    (name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`,
  )
  await sql`insert into ${sql.table(target.table)} (${sql.join([...names, 'import_id'].map((name) => sql.ref(name)))})
    select ${castColumns(target.columns)}, ${importId}::uuid from ${unnestRows(target.columns, rows)}
    on conflict ${sql.raw(target.conflict)} do update set ${sql.join(updates)}`.execute(db)
}

/**
 * Party list rows this import wrote for ID numbers its file gave two names: the file
 * cannot say which is right, so neither stays.
 */
export async function deleteImportedPartyRows(
  db: Kysely<Database>,
  importId: string,
  idNumberBis: string[],
): Promise<void> {
  if (idNumberBis.length === 0) return
  await db
    .deleteFrom('register_party_list')
    .where('import_id', '=', importId)
    .where('id_number_bi', 'in', idNumberBis)
    .execute()
}
