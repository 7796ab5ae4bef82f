import {
  type CoordinateSystem,
  type Facility,
  facilityNames,
  normalizeText,
  PlaceInput,
  type PlaceKind,
  placeKindNames,
  placeOperatorNames,
  stationBrandNames,
} from '@djt/shared'
import type { StaffCaller } from '../auth/access.ts'
import { pathWithinScope } from '../auth/scope.ts'
import { toGcj02 } from './coordinates.ts'
import { parseHoursText } from './hours-text.ts'
import { type ImportField, type PlaceRecord, placeImportColumns } from './import-columns.ts'

export interface RowProblem {
  field: string | null
  reason: string
}

/** Chinese names and English values alike, compared normalised. */
function lookup<T extends string>(names: Record<T, string>) {
  const map = new Map<string, T>()
  for (const [value, name] of Object.entries(names) as [T, string][]) {
    map.set(normalizeText(name), value)
    map.set(normalizeText(value), value)
  }
  return (text: string) => map.get(normalizeText(text))
}
const kindOf = lookup(placeKindNames)
const brandOf = lookup(stationBrandNames)
const facilityOf = lookup(facilityNames)
const operatorOf = lookup(placeOperatorNames)

export interface RowContext {
  crs: CoordinateSystem
  caller: StaffCaller
  regions: Map<string, { path: string; level: string }>
}

/** One record as a PlaceInput in GCJ-02 with its region path, or every problem found. */
export function readPlaceRecord(
  record: PlaceRecord,
  context: RowContext,
): { place: PlaceInput; regionPath: string } | { problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const cell = (field: ImportField) => (record.cells[field] ?? '').trim()
  const refuse = (field: ImportField, reason: string) => {
    problems.push({ field: placeImportColumns[field], reason })
    return undefined
  }
  const kindText = cell('kind')
  const brand = brandOf(kindText)
  const kind: PlaceKind | undefined = brand ? 'care_station' : kindOf(kindText)
  if (!kind) refuse('kind', '场所类型不正确')
  const facilities: Facility[] = []
  for (const name of cell('facilities')
    .split(/[,，、;；\s]+/)
    .filter(Boolean)) {
    const facility = facilityOf(name)
    if (facility) facilities.push(facility)
    else refuse('facilities', `无法识别的设施：${name}`)
  }
  const operator = cell('operator') ? operatorOf(cell('operator')) : 'other'
  if (!operator) refuse('operator', '运营方不正确')
  const hours = parseHoursText(cell('hours'))
  if (typeof hours === 'string') refuse('hours', hours)
  const region = context.regions.get(cell('regionCode'))
  if (!region) refuse('regionCode', '行政区划代码不存在')
  else if (region.level !== 'county') refuse('regionCode', '应为区县一级的行政区划代码')
  else if (!pathWithinScope(context.caller, region.path)) refuse('regionCode', '不在本辖区')
  const lat = Number(cell('lat'))
  const lng = Number(cell('lng'))
  if (!cell('lat') || !Number.isFinite(lat)) refuse('lat', '纬度应为数字')
  if (!cell('lng') || !Number.isFinite(lng)) refuse('lng', '经度应为数字')
  if (problems.length > 0 || !region) return { problems }
  const parsed = PlaceInput.safeParse({
    name: cell('name'),
    kind,
    ...(brand ? { brand } : {}),
    address: cell('address'),
    regionCode: cell('regionCode'),
    location: toGcj02(context.crs, lat, lng),
    hours,
    facilities,
    phone: cell('phone') || undefined,
    operator,
  })
  if (parsed.success) return { place: parsed.data, regionPath: region.path }
  return {
    problems: parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '')
      const field = key === 'location' ? (issue.path[1] === 'lng' ? 'lng' : 'lat') : key
      return {
        field: placeImportColumns[field as ImportField] ?? (key || null),
        reason: issue.message,
      }
    }),
  }
}
