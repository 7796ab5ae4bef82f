import type { PendingCounts } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import { countCheckinsInScope } from '../places/checkins.repository.ts'
import { countReports, countVersionQueue } from '../pledges/review.repository.ts'
import { countQueue } from '../review/review.repository.ts'
import { countReportsInScope } from '../supervision/supervision.repository.ts'

/**
 * The desk's pending figures, each counted by its queue's own repository with the filters
 * the queue opens with, so a figure is the length of the list behind it.
 */
export async function pendingCounts(
  db: Kysely<Database>,
  caller: StaffCaller,
): Promise<PendingCounts> {
  // One after another: PGlite serves one query at a time anyway.
  const review = await countQueue(db, caller, { state: 'waiting' })
  const checkins = await countCheckinsInScope(db, caller, 'pending')
  const pledges = await countVersionQueue(db, caller, { state: 'pending' })
  const pledgeReports = await countReports(db, caller, 'open')
  const supervisionReports = await countReportsInScope(db, caller, { state: 'open' })
  return { review, checkins, pledges, pledgeReports, supervisionReports }
}
