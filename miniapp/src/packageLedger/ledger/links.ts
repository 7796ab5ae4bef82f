import { staffPages } from '../../routes'

/** The staff pages behind a ledger's figures; they list the caller's whole jurisdiction. */
export const recordPages: Record<string, string> = {
  review: staffPages.review,
  checkins: staffPages.checkins,
  places: staffPages.places,
  pledges: `${staffPages.pledges}?state=approved`,
  reports: staffPages.pledgeReports,
  ranking: staffPages.pledgeRanking,
  work: staffPages.work,
}
