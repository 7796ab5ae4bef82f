import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import {
  type EvidenceScope,
  type FactsRow,
  registerSizes,
  selectFacts,
  writeEvidence,
} from './evidence.repository.ts'
import type { EntryFacts } from './facts.ts'
import { judgeEntry, type LinkageContext } from './judge.ts'
import { currentWeights } from './linkage-weights.repository.ts'

export type { EvidenceScope }

/** Entries per round trip: one read and one bulk update each. */
const PAGE = 5_000

/**
 * Recomputes the register evidence of pending entries (submitted, resubmitted, needs
 * info) in the scope and stores it; returns how many entries were updated. Runs inside
 * the caller's transaction when given one, so an import and its evidence commit together.
 */
export async function recomputeEvidence(
  db: Kysely<Database>,
  scope: EvidenceScope,
): Promise<number> {
  if (scope.membershipIds?.length === 0) return 0
  const now = new Date()
  const context: LinkageContext = {
    weights: await currentWeights(db),
    sizes: await registerSizes(db),
  }
  let after: string | undefined
  let updated = 0
  for (;;) {
    const page = await selectFacts(db, scope, after, PAGE)
    await writeEvidence(
      db,
      page.map((row) => ({ id: row.id, evidence: judgeEntry(toFacts(row), context, now) })),
    )
    updated += page.length
    if (page.length < PAGE) return updated
    after = page.at(-1)?.id
  }
}

function toFacts(row: FactsRow): EntryFacts {
  return {
    kind: row.kind,
    name: row.name,
    mobileBi: row.mobile_bi,
    idNumberBi: row.id_number_bi,
    regionCode: row.region_code,
    uscc: row.uscc,
    businessName: row.business_name,
    marketName: row.market_name,
    orgForm: row.org_form,
    roster:
      row.roster_name_norm === null
        ? null
        : {
            nameNorm: row.roster_name_norm,
            mobileBi: row.roster_mobile_bi ?? '',
            isMember: row.roster_is_member === true,
            nameCount: Number(row.roster_name_count ?? 0),
          },
    partyCandidates: row.party_candidates,
    business:
      row.business_name_norm === null
        ? null
        : {
            nameNorm: row.business_name_norm,
            legalRepresentativeNorm: row.legal_representative_norm ?? '',
            active: row.business_active === true,
            status: row.business_status ?? '',
            regionCode: row.business_region_code ?? '',
          },
    annualReport:
      row.member_count === null
        ? null
        : { memberCount: row.member_count, hasOrganisation: row.has_organisation === true },
  }
}
