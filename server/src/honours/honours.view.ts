import { type Honour, Platform, type PublicHonour, type StaffHonour } from '@djt/shared'
import type { HonourRow } from './honours.repository.ts'

const platformOf = (value: string | null) => Platform.safeParse(value).data ?? null

/** An honour as the rider reads it: no staff member is named. */
export function toHonour(row: HonourRow): Honour {
  return {
    id: row.id,
    year: row.year,
    cityCode: row.city_code,
    cityName: row.city_name,
    citation: row.citation,
    state: row.state,
    nameShown: row.name_shown,
    shownName: row.shown_name,
    platform: platformOf(row.platform),
    nominatedAt: row.created_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
  }
}

export function toStaffHonour(row: HonourRow): StaffHonour {
  return {
    ...toHonour(row),
    riderName: row.rider_name,
    regionCode: row.region_code,
    regionName: row.region_name,
  }
}

/** Only what the rider agreed to show: the chosen name, platform, city, year, citation. */
export function toPublicHonour(row: {
  id: string
  year: number
  city_code: string
  city_name: string
  shown_name: string | null
  platform: string | null
  citation: string
}): PublicHonour {
  return {
    id: row.id,
    year: row.year,
    cityCode: row.city_code,
    cityName: row.city_name,
    shownName: row.shown_name ?? '',
    platform: platformOf(row.platform),
    citation: row.citation,
  }
}
