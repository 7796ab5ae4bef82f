import {
  SupervisionOutcome as Outcome,
  type SupervisionOutcome,
  supervisionOutcomeNames,
} from '@djt/shared'

/** What a ledger figure asks of the list (`?year=2026&outcome=upheld`), beside the region. */
export interface LedgerFilter {
  year?: number
  outcome?: SupervisionOutcome
}

export function ledgerFilterOf(params: Partial<Record<string, string>>): LedgerFilter {
  const year = Number(params.year)
  const outcome = Outcome.safeParse(params.outcome).data
  return {
    ...(Number.isInteger(year) && year >= 2000 ? { year } : {}),
    ...(outcome ? { outcome } : {}),
  }
}

/** "2026年 · 已核查属实并处理", or null when the list is not narrowed. */
export function ledgerFilterText(filter: LedgerFilter): string | null {
  const parts = [
    filter.year ? `${filter.year}年` : null,
    filter.outcome ? supervisionOutcomeNames[filter.outcome] : null,
  ].filter((part): part is string => part !== null)
  return parts.length > 0 ? parts.join(' · ') : null
}
