import { ledgerPages, staffPages } from '../../routes'

/** The pages behind a ledger's figures; each is opened for the region the ledger shows. */
export const recordPages: Record<string, string> = {
  review: staffPages.review,
  checkins: staffPages.checkins,
  places: staffPages.places,
  pledges: `${staffPages.pledges}?state=approved`,
  reports: staffPages.pledgeReports,
  ranking: staffPages.pledgeRanking,
  work: staffPages.work,
  platformSites: staffPages.platformSites,
  markets: `${ledgerPages.records}?type=markets`,
  stations: `${ledgerPages.records}?type=stations`,
}

/**
 * A figure's records, narrowed to the ledger's region (the pages read `?region=`), so a
 * province clerk who drilled down to 鼓楼区 sees 鼓楼区's entries, not the whole province's.
 * A key may carry extra filters after a colon: `stations:flow_branch`.
 */
export function recordUrl(key: string, region: string): string | null {
  const [page, kind] = key.split(':')
  const base = page ? recordPages[page] : undefined
  if (!base) return null
  const extra = kind ? `&kind=${encodeURIComponent(kind)}` : ''
  return `${base}${base.includes('?') ? '&' : '?'}region=${encodeURIComponent(region)}${extra}`
}
