import { PendingCounts } from '@djt/shared'
import { get } from './http'

export type { PendingCounts } from '@djt/shared'

/** What waits in each staff queue of my jurisdiction: one cheap request for the whole menu. */
export function fetchPendingCounts(): Promise<PendingCounts> {
  return get('/desk/pending', PendingCounts)
}
