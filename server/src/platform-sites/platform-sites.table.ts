import type { OrgForm, Platform, PlatformSiteStatus } from '@djt/shared'
import type { Generated } from 'kysely'

export interface PlatformSiteTables {
  platform_sites: PlatformSiteTable
}

/** Migration 0013; its triggers keep the riders ledger's site tallies. */
export interface PlatformSiteTable {
  id: Generated<string>
  platform: Platform
  name: string
  region_code: string
  region_path: string
  address: string | null
  rider_count: number | null
  member_rider_count: number
  org_form: OrgForm
  /** Set exactly when org_form is not 'none' (a check constraint). */
  org_name: string | null
  instructor: string | null
  status: Generated<PlatformSiteStatus>
  demo: Generated<boolean>
  created_by: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
