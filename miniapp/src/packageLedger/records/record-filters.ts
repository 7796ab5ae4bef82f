import {
  activityKindNames,
  chinaYear,
  LedgerActivityMemberQuery,
  LedgerActivityPeopleQuery,
  LedgerActivityQuery,
  LedgerCheckinQuery,
  LedgerMarketQuery,
  LedgerStationQuery,
  orgFormNames,
  placeKindNames,
  placeStatusNames,
  platformNames,
} from '@djt/shared'
import type { z } from 'zod'

/** The lists of the records page, by its `?type=`. */
export type RecordType =
  | 'markets'
  | 'stations'
  | 'checkins'
  | 'activities'
  | 'activityPeople'
  | 'activityMembers'
const TYPES: readonly RecordType[] = [
  'markets',
  'stations',
  'checkins',
  'activities',
  'activityPeople',
  'activityMembers',
]

const valid = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined =>
  schema.safeParse(value).data

/**
 * The filters a page URL names (a ledger figure's link, as the server gave it), read with
 * each list's own query schema; a value the list does not know is dropped.
 */
export function recordFilters(params: Partial<Record<string, string>>) {
  return {
    markets: {
      organised: valid(LedgerMarketQuery.shape.organised, params.organised),
      orgForm: valid(LedgerMarketQuery.shape.orgForm, params.orgForm),
    },
    stations: {
      kind: valid(LedgerStationQuery.shape.kind, params.kind),
      status: valid(LedgerStationQuery.shape.status, params.status),
    },
    checkins: { platform: valid(LedgerCheckinQuery.shape.platform, params.platform) },
    activities: activityFilters(params),
  }
}

/** 组织生活's lists: the year (this one when the URL names none), the kind, what is listed. */
function activityFilters(params: Partial<Record<string, string>>) {
  return {
    year: valid(LedgerActivityQuery.shape.year, params.year) ?? chinaYear(),
    kind: valid(LedgerActivityQuery.shape.kind, params.kind),
    qualifying: valid(LedgerActivityQuery.shape.qualifying, params.qualifying),
    what: valid(LedgerActivityPeopleQuery.shape.what, params.what) ?? 'attendances',
    who: valid(LedgerActivityMemberQuery.shape.who, params.who),
  }
}
export type RecordFilters = ReturnType<typeof recordFilters>

/** The page's title after the region's name: the list and what narrows it, in words. */
export function recordsTitle(type: RecordType, filters: RecordFilters): string {
  const narrowed = (...words: (string | undefined)[]) => {
    const shown = words.filter(Boolean)
    return shown.length > 0 ? `（${shown.join('，')}）` : ''
  }
  if (type === 'markets') {
    const { organised, orgForm } = filters.markets
    const organisation = organised && (organised === 'yes' ? '有党组织' : '无党组织')
    return `专业市场明细${narrowed(organisation, orgForm && orgFormNames[orgForm])}`
  }
  if (type === 'stations') {
    const { kind, status } = filters.stations
    const state = status && (status === 'open' ? '开放中' : placeStatusNames[status])
    return `关爱阵地明细${narrowed(kind && placeKindNames[kind], state)}`
  }
  if (type === 'checkins') {
    const { platform } = filters.checkins
    return `已报到明细${narrowed(platform && platformNames[platform])}`
  }
  const { year, kind, qualifying, what, who } = filters.activities
  const words = [kind && activityKindNames[kind], qualifying && '签到≥30人']
  if (type === 'activities') return `${year}年活动明细${narrowed(...words)}`
  if (type === 'activityMembers')
    return `${year}年参加活动的${who === 'flow' ? '流动党员' : '党员'}`
  return `${year}年活动${what === 'signups' ? '报名' : '签到'}明细${narrowed(...words)}`
}

export function recordType(value: string | undefined): RecordType {
  return TYPES.find((type) => type === value) ?? 'stations'
}
