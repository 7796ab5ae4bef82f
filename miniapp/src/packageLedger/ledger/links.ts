import type { LedgerLink, LedgerLinks } from '@djt/shared'
import { ledgerPages, staffPages, voicePages } from '../../routes'

/** The page showing each list a ledger figure opens; the records page tells its lists by `type`. */
export const listPages: Record<LedgerLink['list'], string> = {
  memberships: staffPages.review,
  checkins: `${ledgerPages.records}?type=checkins`,
  platformSites: staffPages.platformSites,
  markets: `${ledgerPages.records}?type=markets`,
  stations: `${ledgerPages.records}?type=stations`,
  pledges: staffPages.pledges,
  pledgeReports: staffPages.pledgeReports,
  trainingSessions: staffPages.work,
  activities: `${ledgerPages.records}?type=activities`,
  activityPeople: `${ledgerPages.records}?type=activityPeople`,
  activityMembers: `${ledgerPages.records}?type=activityMembers`,
  supervisionReports: voicePages.staffReports,
  difficulties: voicePages.staffList,
}

/**
 * The page of a figure's list with the server's query as given (region and filters): the
 * list then counts what the figure counted, nothing is added or left out here.
 */
export function linkUrl(link: LedgerLink): string {
  const base = listPages[link.list]
  const query = Object.entries(link.query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
  return query ? `${base}${base.includes('?') ? '&' : '?'}${query}` : base
}

/**
 * A figure's tap, by where the figure is in the ledger (`members.pending.count`): it opens
 * the figure's records, or is undefined, and the row no link, when the server gave none.
 */
export type Open = (figure: string) => (() => void) | undefined

export function figureOpener(links: LedgerLinks | undefined, go: (url: string) => void): Open {
  return (figure) => {
    const link = links?.[figure]
    return link && (() => go(linkUrl(link)))
  }
}
