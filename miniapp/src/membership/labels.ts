import {
  businessKindNames,
  type MembershipState,
  memberTypeNames,
  orgFormNames,
  platformNames,
  type TimelineAction,
} from '@djt/shared'

/** What each form field is called on screen, for every kind. */
export const fieldLabels: Record<string, string> = {
  name: '姓名',
  contactName: '联系人姓名',
  mobile: '手机号',
  idNumber: '身份证号',
  workRegionCode: '工作地区',
  orgName: '组织关系所在党组织',
  orgRegionCode: '组织关系所在地区',
  memberType: '党员类型',
  joinedOn: '入党日期',
  flowMember: '是否流动党员',
  wantsLocalBranch: '愿意参加当地流动党员党支部',
  platform: '配送平台',
  platformOther: '平台名称',
  riderId: '骑手编号',
  deliveryStation: '配送站点',
  uscc: '统一社会信用代码',
  businessName: '经营主体名称',
  businessKind: '经营主体类型',
  inMarket: '在专业市场内经营',
  marketName: '市场名称',
  stallNo: '摊位号',
  address: '市场地址',
  location: '市场位置',
  regionCode: '所在地区',
  stallCount: '摊位数',
  memberStallOwnerCount: '党员经营户数',
  orgForm: '党组织形式',
}

/** Names for the enum fields' values; other values show as typed. */
const valueNames: Record<string, Record<string, string>> = {
  platform: platformNames,
  memberType: memberTypeNames,
  businessKind: businessKindNames,
  orgForm: orgFormNames,
}

/** One form value as a reader wants it: 美团, 是/否, “26.08, 119.30”. */
export function displayValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '未填写'
  if (typeof value === 'boolean') return value ? '是' : '否'
  const names = valueNames[field]
  if (names && typeof value === 'string') return names[value] ?? value
  if (typeof value === 'object' && 'lat' in value && 'lng' in value) {
    return `纬度 ${String(value.lat)}，经度 ${String(value.lng)}`
  }
  return String(value)
}

export const timelineActionNames: Record<TimelineAction, string> = {
  saved: '保存草稿',
  submitted: '提交登记',
  edited: '修改登记',
  answered: '补充说明',
  verified: '核验通过',
  rejected: '核验不通过',
  asked: '退回补充',
  revoked: '撤销核验',
  withdrawn: '撤回登记',
}

/** States the member may still change on the register page. */
export const editableStates: readonly MembershipState[] = [
  'draft',
  'submitted',
  'resubmitted',
  'needs_info',
  'rejected',
]

export type StateTone = 'success' | 'pending' | 'attention' | 'danger' | 'muted'

/** The badge colour: green only for 已核验. */
export const stateTones: Record<MembershipState, StateTone> = {
  draft: 'muted',
  submitted: 'pending',
  resubmitted: 'pending',
  needs_info: 'attention',
  verified: 'success',
  rejected: 'danger',
  revoked: 'danger',
  withdrawn: 'muted',
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000

/**
 * `2026-11-05 10:00` in Beijing time whatever the phone's zone. China keeps no summer
 * time, so a fixed offset is exact, and WeChat's engines need no Intl time zones.
 */
export function formatShanghaiTime(iso: string): string {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  return new Date(time + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
