import {
  type CoordinateSystem,
  type PlaceImportField,
  placeImportColumns,
  requiredPlaceImportFields,
} from '@djt/shared'

export const crsNames: Record<CoordinateSystem, string> = {
  wgs84: 'WGS-84（GPS、天地图）',
  gcj02: 'GCJ-02（腾讯、高德、微信）',
  bd09: 'BD-09（百度地图）',
}

const headers = (fields: PlaceImportField[]) =>
  fields.map((field) => placeImportColumns[field]).join('、')
const fields = Object.keys(placeImportColumns) as PlaceImportField[]

export const requiredColumns = headers(requiredPlaceImportFields)
export const optionalColumns = headers(
  fields.filter((field) => !requiredPlaceImportFields.includes(field)),
)

/** The header a rejected field has in the clerk's file; 整行 when the row as a whole failed. */
export function importColumnName(field: string | null): string {
  if (!field) return '整行'
  return placeImportColumns[field as PlaceImportField] ?? field
}
