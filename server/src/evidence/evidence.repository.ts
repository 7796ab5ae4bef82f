import type { Evidence } from '@djt/shared'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database, MembershipKind } from '../db/schema.ts'
import { textArray, unnestRows } from '../kernel/sql-arrays.ts'
import type { PartyListFacts } from './facts.ts'
import { NEAR_PREFIX } from './linkage/near-index.ts'

/** Which pending entries to recompute; several criteria narrow together, none means all. */
export interface EvidenceScope {
  membershipIds?: string[]
  /** Entries whose keys meet a row this import wrote. */
  importId?: string
  regionPath?: string
}

export interface FactsRow {
  id: string
  kind: MembershipKind
  name: string | null
  mobile_bi: string | null
  id_number_bi: string | null
  region_code: string | null
  uscc: string | null
  business_name: string | null
  market_name: string | null
  org_form: string | null
  roster_name_norm: string | null
  roster_mobile_bi: string | null
  roster_is_member: boolean | null
  roster_name_count: number | null
  party_candidates: PartyListFacts[]
  business_name_norm: string | null
  legal_representative_norm: string | null
  business_active: boolean | null
  business_status: string | null
  business_region_code: string | null
  member_count: number | null
  has_organisation: boolean | null
}

function conditions(scope: EvidenceScope, after: string | undefined): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`m.state in ('submitted', 'resubmitted', 'needs_info')`]
  if (after) where.push(sql`m.id > ${after}::uuid`)
  if (scope.membershipIds) where.push(sql`m.id = any(${textArray(scope.membershipIds)}::uuid[])`)
  if (scope.regionPath) where.push(sql`m.region_path <@ ${scope.regionPath}::ltree`)
  const id = scope.importId
  if (id)
    where.push(sql`(ro.import_id = ${id} or pi.import_id = ${id} or b.import_id = ${id}
      or a.import_id = ${id} or exists (select 1 from register_party_list p
        where p.mobile_bi = m.mobile_bi and p.import_id = ${id} and m.kind <> 'market_opener')
      or exists (select 1 from ${nearIdRows} where p.import_id = ${id}
        and m.kind <> 'market_opener'))`)
  return where
}

/** The register row's ID is one slip away from the entry's (prefixes of blind indexes). */
const nearIdMatches = sql`left(p.id_number_bi, ${sql.lit(NEAR_PREFIX)}) in
  (select jsonb_array_elements_text(m.id_number_near_bi))`

/**
 * Party list rows (p) one slip away from the entry's ID, for a FROM clause: one probe of
 * the prefix index per candidate. PostgreSQL cannot estimate a join with the jsonb
 * elements (an IN over them, or = any of their array, either) and then reads the whole
 * list once per entry: 40 ms an entry at 300,000 rows. Probed one prefix at a time
 * (lateral, kept apart by offset 0) each is one row, found by the index.
 */
const nearIdRows = sql`jsonb_array_elements_text(m.id_number_near_bi) near (prefix)
  cross join lateral (select * from register_party_list p
    where left(p.id_number_bi, ${sql.lit(NEAR_PREFIX)}) = near.prefix
      and p.id_number_bi is not null offset 0) p`

/** What a candidate is judged on; the union sorts on these, so only these. */
const partyColumns = sql`p.id, p.name_norm, p.id_number_bi, p.mobile_bi`

/** A name's rows in its register, counted up to 1,000: enough for its term-frequency weight. */
const nameCount = (table: string, name: RawBuilder<unknown>) =>
  sql`(select count(*)::integer from (select 1 from ${sql.table(table)} q
    where q.name_norm = ${name} limit 1000) c)`

/**
 * Party list rows that may be this person, each through an index: the entry's ID number,
 * its mobile, or an ID one slip away from it. The slips are looked for only when the ID
 * itself is not listed: the row with the exact ID speaks first (judgePartyList), and
 * probing a hundred prefixes for every entry would cost more than all the rest.
 */
const partyCandidates = sql`(select coalesce(json_agg(json_build_object('nameNorm', p.name_norm,
      'idNumberBi', p.id_number_bi, 'mobileBi', p.mobile_bi,
      'nameCount', ${nameCount('register_party_list', sql`p.name_norm`)},
      'idLevel', case when m.id_number_bi is null or p.id_number_bi is null then 'missing'
        when p.id_number_bi = m.id_number_bi then 'exact'
        when ${nearIdMatches} then 'corrected' else 'different' end)), '[]')
    from (select ${partyColumns} from register_party_list p where p.id_number_bi = m.id_number_bi
      union select * from (select ${partyColumns} from register_party_list p
        where p.mobile_bi = m.mobile_bi limit 20) by_mobile
      union select * from (select ${partyColumns} from ${nearIdRows}
        where not exists (select 1 from register_party_list x where x.id_number_bi = m.id_number_bi)
        limit 5) by_near_id) p
    where m.kind <> 'market_opener')`

/** What each register's row found by the entry's key says; see FactsRow. */
const factColumns = sql`m.id, m.kind, m.name, m.mobile_bi, m.id_number_bi, m.region_code,
  m.uscc, m.form->>'businessName' as business_name, m.form->>'marketName' as market_name,
  m.form->>'orgForm' as org_form,
  ro.name_norm as roster_name_norm, ro.mobile_bi as roster_mobile_bi,
  ro.is_member as roster_is_member,
  ${nameCount('register_platform_roster', sql`ro.name_norm`)} as roster_name_count,
  ${partyCandidates} as party_candidates,
  b.name_norm as business_name_norm, b.legal_representative_norm,
  b.active as business_active, b.status as business_status,
  b.region_code as business_region_code, a.member_count, a.has_organisation`

/**
 * One page (by id) of pending entries with the register rows their keys reach, each
 * register joined on its key's index: the cost grows with the entries, not the registers.
 */
export async function selectFacts(
  db: Kysely<Database>,
  scope: EvidenceScope,
  after: string | undefined,
  limit: number,
): Promise<FactsRow[]> {
  const { rows } = await sql<FactsRow>`select ${factColumns}
    from memberships m
    left join register_platform_roster ro
      on m.kind = 'rider' and ro.platform = m.platform and ro.rider_id_norm = m.rider_id_norm
    left join register_party_list pi
      on m.kind <> 'market_opener' and pi.id_number_bi = m.id_number_bi
    left join register_business b on m.kind <> 'rider' and b.uscc = m.uscc
    left join register_annual_report a on m.kind <> 'rider' and a.uscc = m.uscc
    where ${sql.join(conditions(scope, after), sql` and `)}
    order by m.id
    limit ${limit}`.execute(db)
  return rows
}

/** Rows in each personal register: the denominators of the names' term frequencies. */
export async function registerSizes(db: Kysely<Database>) {
  const { rows } = await sql<{ roster: number; party: number }>`select
    (select count(*)::integer from register_platform_roster) as roster,
    (select count(*)::integer from register_party_list) as party`.execute(db)
  const [sizes] = rows
  return { roster: Number(sizes?.roster ?? 0), party: Number(sizes?.party ?? 0) }
}

export interface EvidenceUpdate {
  id: string
  evidence: Evidence
}

/** One statement for the whole page. Not a user's edit: version and updated_at stay. */
export async function writeEvidence(db: Kysely<Database>, updates: EvidenceUpdate[]) {
  if (updates.length === 0) return
  const columns = [
    ['id', 'uuid'],
    ['evidence', 'jsonb'],
    ['strength', 'text'],
    ['sources', 'integer'],
  ] as const
  const rows = updates.map(({ id, evidence }) => ({
    id,
    evidence: JSON.stringify(evidence),
    strength: evidence.strength,
    sources: evidence.matchingSources,
  }))
  await sql`update memberships m
    set evidence = t.evidence::jsonb, evidence_strength = t.strength,
      evidence_sources = t.sources::integer
    from ${unnestRows(columns, rows)}
    where m.id = t.id::uuid`.execute(db)
}
