import { type PlatformSite, siteCoverage } from '@djt/shared'
import type { PlatformSiteRow } from './platform-sites.repository.ts'

export function toPlatformSite(row: PlatformSiteRow): PlatformSite {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    address: row.address,
    riderCount: row.rider_count,
    memberRiderCount: row.member_rider_count,
    orgForm: row.org_form,
    orgName: row.org_name,
    instructor: row.instructor,
    coverage: siteCoverage({ orgForm: row.org_form, instructor: row.instructor }),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
