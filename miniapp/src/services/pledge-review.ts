import {
  type EvaluationRequest,
  type PledgeDecisionRequest,
  PledgeQueuePage,
  type PledgeStatus,
  type PledgeVersionState,
  Ranking,
  ReportQueue,
  ReportQueueItem,
  type ReportResponseRequest,
  StaffPledge,
} from '@djt/shared'
import type { z } from 'zod'
import { get, post } from './http'
import { download, fetchToDevice } from './transfer'

export type {
  EvaluationRequest,
  PledgeQueueItem,
  PledgeQueuePage,
  RankingItem,
  ReportQueueItem,
  StaffPledge,
} from '@djt/shared'

export const PLEDGE_PAGE_SIZE = 20
const pledgePath = (id: string) => `/review/pledges/${encodeURIComponent(id)}`

/** Versions in my jurisdiction in one state, oldest first; pass `next` back as `after`. */
/** `status` narrows to pledges in that status (approved and active: those shown in public). */
export function fetchPledgeQueue(
  state: PledgeVersionState,
  after?: string,
  region?: string,
  status?: PledgeStatus,
): Promise<PledgeQueuePage> {
  return get('/review/pledges', PledgeQueuePage, {
    state,
    status,
    after,
    region,
    limit: PLEDGE_PAGE_SIZE,
  })
}

export function fetchStaffPledge(id: string): Promise<StaffPledge> {
  return get(pledgePath(id), StaffPledge)
}

/** 409 when the version was decided meanwhile. */
export function decidePledge(id: string, decision: PledgeDecisionRequest): Promise<StaffPledge> {
  return post(`${pledgePath(id)}/decision`, decision, StaffPledge)
}

/** Suspending is refused (409) unless a report about the pledge was upheld. */
export function suspendPledge(id: string, reason: string): Promise<StaffPledge> {
  return post(`${pledgePath(id)}/suspend`, { reason }, StaffPledge)
}

export function reinstatePledge(id: string, reason: string): Promise<StaffPledge> {
  return post(`${pledgePath(id)}/reinstate`, { reason }, StaffPledge)
}

export function evaluatePledge(id: string, evaluation: EvaluationRequest): Promise<StaffPledge> {
  return post(`${pledgePath(id)}/evaluations`, evaluation, StaffPledge)
}

export function downloadStaffPlaque(id: string, format: 'png' | 'pdf', name: string) {
  return download(`${pledgePath(id)}/plaque.${format}`, `${name}-承诺牌.${format}`)
}

/** One page of reports on my jurisdiction's pledges: open oldest first, handled newest first. */
export function fetchPledgeReports(
  state: 'open' | 'handled',
  after?: string,
  region?: string,
): Promise<ReportQueue> {
  return get('/review/pledge-reports', ReportQueue, { state, region, after })
}

export function respondToReport(
  id: string,
  response: ReportResponseRequest,
): Promise<ReportQueueItem> {
  return post(
    `/review/pledge-reports/${encodeURIComponent(id)}/response`,
    response,
    ReportQueueItem,
  )
}

/** The reporter's photo on this device, for the image viewer: it needs the staff token. */
export function fetchReportPhoto(id: string): Promise<string> {
  return fetchToDevice(`/review/pledge-reports/${encodeURIComponent(id)}/photo`)
}

/** 比作为: my jurisdiction's pledges by evaluation score, then public rating. */
export function fetchRanking(period?: string, region?: string): Promise<z.infer<typeof Ranking>> {
  return get('/review/pledge-ranking', Ranking, { period, region })
}
