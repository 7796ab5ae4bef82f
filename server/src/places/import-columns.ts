import {
  normalizeText,
  type PlaceImportField,
  placeImportColumns,
  requiredPlaceImportFields,
} from '@djt/shared'
import { ApiError } from '../http/errors.ts'

export { placeImportColumns }
export type ImportField = PlaceImportField
export const importFields = Object.keys(placeImportColumns) as ImportField[]
const required = requiredPlaceImportFields

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
