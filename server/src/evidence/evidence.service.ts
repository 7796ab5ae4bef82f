import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import {
  type EvidenceScope,
  type EvidenceUpdate,
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
  // Pipelined on the one connection: while the database reads the next page, this
  // process judges the current one, then queues its write behind that read.
  let updated = 0
  let writing: Promise<void> = Promise.resolve()
  let page = await selectFacts(db, scope, undefined, PAGE)
  for (;;) {
    const next = page.length < PAGE ? undefined : selectFacts(db, scope, page.at(-1)?.id, PAGE)
    // Handled here so a failed write below is the error thrown, not an unhandled rejection;
    // awaiting `next` still throws its own.
    next?.catch(() => undefined)
    const updates = await judgePage(page, context, now)
    await writing
    writing = writeEvidence(db, updates)
    updated += page.length
    if (!next) {
      await writing
      return updated
    }
    page = await next
  }
}

/** Entries judged between two turns of the event loop: a page must not stall requests. */
const SLICE = 500

async function judgePage(
  page: FactsRow[],
  context: LinkageContext,
  now: Date,
): Promise<EvidenceUpdate[]> {
  const updates: EvidenceUpdate[] = []
  for (let start = 0; start < page.length; start += SLICE) {
    if (start > 0) await yieldToEventLoop()
    for (const row of page.slice(start, start + SLICE))
      updates.push({ id: row.id, evidence: judgeEntry(toFacts(row), context, now) })
  }
  return updates
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
