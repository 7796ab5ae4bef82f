import { z } from 'zod'

const Count = z.number().int().nonnegative()

/**
 * What waits for the signed-in staff member, inside their jurisdiction: each figure is the
 * length of the queue its menu item opens (登记核验, 报到审核, 承诺审核, 群众举报, and the
 * riders' 监督共治 reports still to be checked).
 */
export const PendingCounts = z.object({
  review: Count,
  checkins: Count,
  pledges: Count,
  pledgeReports: Count,
  supervisionReports: Count,
})
export type PendingCounts = z.infer<typeof PendingCounts>
