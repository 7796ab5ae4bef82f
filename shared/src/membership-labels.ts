import { businessKindNames, memberTypeNames, orgFormNames, platformNames } from './memberships.ts'

/** What each form field is called on screen, for every kind. */
export const membershipFieldNames: Record<string, string> = {
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
export function membershipValueText(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '未填写'
  if (typeof value === 'boolean') return value ? '是' : '否'
  const names = valueNames[field]
  if (names && typeof value === 'string') return names[value] ?? value
  if (typeof value === 'object' && 'lat' in value && 'lng' in value) {
    return `纬度 ${String(value.lat)}，经度 ${String(value.lng)}`
  }
  return String(value)
}
