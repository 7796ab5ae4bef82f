import { normalizeText } from '@djt/shared'
import { ApiError } from '../http/errors.ts'

/** The one place the import's columns are named: field → its Chinese header. */
export const placeImportColumns = {
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
} as const
export type ImportField = keyof typeof placeImportColumns
export const importFields = Object.keys(placeImportColumns) as ImportField[]
const required: ImportField[] = ['name', 'kind', 'address', 'regionCode', 'lat', 'lng', 'hours']

/** One place as read from a file, text per field, numbered as the clerk sees it. */
export interface PlaceRecord {
  line: number
  cells: Partial<Record<ImportField, string>>
}

/** A header (Chinese, or the field's English name) to its field. */
const fieldByHeader = new Map<string, ImportField>(
  importFields.flatMap((field) => [
    [normalizeText(placeImportColumns[field]), field],
    [normalizeText(field), field],
  ]),
)

export const fieldOfHeader = (header: string) => fieldByHeader.get(normalizeText(header))

/** Column positions from the header row; a missing required column refuses the file. */
export function locatePlaceColumns(header: string[]): Map<number, ImportField> {
  const positions = new Map<number, ImportField>()
  header.forEach((title, index) => {
    const field = fieldOfHeader(title)
    if (field) positions.set(index, field)
  })
  const found = new Set(positions.values())
  const missing = required.filter((field) => !found.has(field))
  if (missing.length > 0) {
    const names = missing.map((field) => placeImportColumns[field]).join('、')
    throw new ApiError(400, 'validation_failed', `文件缺少以下列：${names}`, [
      { field: 'file', message: `缺少列：${names}` },
    ])
  }
  return positions
}
