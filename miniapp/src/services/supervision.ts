import {
  type NewSupervisionReport,
  StaffSupervisionPage,
  StaffSupervisionReport,
  type SupervisionOutcome,
  type SupervisionOutcomeRequest,
  SupervisionReport,
  SupervisionReportList,
  type SupervisionState,
} from '@djt/shared'
import { get, post } from './http'
import { fetchToDevice } from './transfer'

export type {
  StaffSupervisionPage,
  StaffSupervisionReport,
  SupervisionReport,
} from '@djt/shared'

const staffPath = (id: string) => `/staff/supervision-reports/${encodeURIComponent(id)}`

/** A member rider reports a merchant (photos uploaded first through POST /photos). */
export function makeSupervisionReport(body: NewSupervisionReport): Promise<SupervisionReport> {
  return post('/supervision-reports', body, SupervisionReport)
}

export async function fetchMySupervisionReports(): Promise<SupervisionReport[]> {
  return (await get('/supervision-reports/mine', SupervisionReportList)).items
}

/** Staff: my jurisdiction's reports, oldest first, filtered as the ledger's figure asks. */
export function fetchStaffSupervisionReports(query: {
  after?: string | undefined
  region?: string | undefined
  state?: SupervisionState | undefined
  outcome?: SupervisionOutcome | undefined
  year?: number | undefined
}): Promise<StaffSupervisionPage> {
  return get('/staff/supervision-reports', StaffSupervisionPage, { ...query, limit: 20 })
}

export function fetchStaffSupervisionReport(id: string): Promise<StaffSupervisionReport> {
  return get(staffPath(id), StaffSupervisionReport)
}

/** 已核查属实并处理, 不属实, or 转办 to a county of the jurisdiction or a department. */
export function recordSupervisionOutcome(
  id: string,
  body: SupervisionOutcomeRequest,
): Promise<StaffSupervisionReport> {
  return post(`${staffPath(id)}/outcome`, body, StaffSupervisionReport)
}

/** A photo the rider sent, on this device for the image viewer (staff token). */
export function fetchSupervisionPhoto(id: string, photoId: string): Promise<string> {
  return fetchToDevice(`${staffPath(id)}/photos/${encodeURIComponent(photoId)}`)
}
