import type { StaffSupervisionReport, SupervisionReport } from '@djt/shared'
import type { SupervisionEventRow, SupervisionReportRow } from './supervision.repository.ts'

/** A report as its rider reads it: no staff member is named, only what they recorded. */
export function toSupervisionReport(
  row: SupervisionReportRow,
  events: SupervisionEventRow[],
  photoIds: string[],
): SupervisionReport {
  return {
    id: row.id,
    category: row.category,
    merchant: {
      name: row.merchant_name,
      address: row.merchant_address,
      creditCode: row.credit_code,
      location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    },
    text: row.text,
    regionCode: row.region_code,
    regionName: row.region_name,
    state: row.state,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    referredTo: row.referred_department,
    photoIds,
    createdAt: row.created_at.toISOString(),
    events: events.map((event) => ({
      kind: event.kind,
      text: event.text,
      regionName: event.region_name,
      at: event.at.toISOString(),
    })),
  }
}

/** The same for the staff of its county, with the reporter's registered name. */
export function toStaffSupervisionReport(
  row: SupervisionReportRow,
  events: SupervisionEventRow[],
  photoIds: string[],
): StaffSupervisionReport {
  return { ...toSupervisionReport(row, events, photoIds), reporterName: row.reporter_name }
}
