import type { CoordinateSystem } from '@djt/shared'

export const crsNames: Record<CoordinateSystem, string> = {
  wgs84: 'WGS-84（GPS、天地图）',
  gcj02: 'GCJ-02（腾讯、高德、微信）',
  bd09: 'BD-09（百度地图）',
}

/** The file's column headers, as the server reads them (the English names work too). */
const columns: Record<string, string> = {
  name: '名称',
  kind: '类型',
  address: '地址',
  regionCode: '行政区划代码',
  lat: '纬度',
  lng: '经度',
  hours: '开放时间',
  facilities: '设施',
  phone: '电话',
  operator: '运营方',
}

export const requiredColumns = '名称、类型、地址、行政区划代码、纬度、经度、开放时间'
export const optionalColumns = '设施、电话、运营方'

/** The header a rejected field has in the clerk's file; 整行 when the row as a whole failed. */
export function importColumnName(field: string | null): string {
  if (!field) return '整行'
  return columns[field] ?? field
}
