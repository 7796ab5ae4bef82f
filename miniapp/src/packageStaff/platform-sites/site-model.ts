import {
  orgFormNames,
  type PlatformSite,
  platformNames,
  platformSiteStatusNames,
  siteCoverageNames,
} from '@djt/shared'

/** The form as typed: every field text, so a half-typed number stays on screen. */
export interface SiteDraft {
  platform: string
  name: string
  regionCode: string
  address: string
  riderCount: string
  memberRiderCount: string
  orgForm: string
  orgName: string
  instructor: string
}
export type SiteField = keyof SiteDraft

/** A new site: in my own county when I am county staff, with no organisation yet. */
export function emptySiteDraft(regionCode: string): SiteDraft {
  return {
    platform: '',
    name: '',
    regionCode,
    address: '',
    riderCount: '',
    memberRiderCount: '',
    orgForm: 'none',
    orgName: '',
    instructor: '',
  }
}

export function siteDraftOf(site: PlatformSite): SiteDraft {
  return {
    platform: site.platform,
    name: site.name,
    regionCode: site.regionCode,
    address: site.address ?? '',
    riderCount: site.riderCount === null ? '' : String(site.riderCount),
    memberRiderCount: String(site.memberRiderCount),
    orgForm: site.orgForm,
    orgName: site.orgName ?? '',
    instructor: site.instructor ?? '',
  }
}

const optional = (text: string) => text.trim() || undefined
const count = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

/** What PlatformSiteInput checks: blanks as missing, counts as numbers, no name without a form. */
export function siteInputOf(draft: SiteDraft): Record<string, unknown> {
  return {
    platform: optional(draft.platform),
    name: optional(draft.name),
    regionCode: optional(draft.regionCode),
    address: optional(draft.address),
    riderCount: count(draft.riderCount),
    memberRiderCount: count(draft.memberRiderCount),
    orgForm: optional(draft.orgForm),
    orgName: draft.orgForm === 'none' ? undefined : optional(draft.orgName),
    instructor: optional(draft.instructor),
  }
}

/** 美团 · 鼓楼区 · 骑手120人，党员9人 */
export function siteSummary(site: PlatformSite): string {
  const riders = site.riderCount === null ? '骑手人数未填' : `骑手${site.riderCount}人`
  return `${platformNames[site.platform]} · ${site.regionName} · ${riders}，党员${site.memberRiderCount}人`
}

/** 流动党员党支部：美团鼓楼东街站流动党员党支部 / 工作覆盖（指导员：陈指导员） / 未覆盖 */
export function siteOrganisation(site: PlatformSite): string {
  if (site.coverage === 'organised') return `${orgFormNames[site.orgForm]}：${site.orgName ?? ''}`
  const instructor = site.instructor ? `（指导员：${site.instructor}）` : ''
  return `${siteCoverageNames[site.coverage]}${instructor}`
}

export const siteStatusText = (site: PlatformSite) => platformSiteStatusNames[site.status]
