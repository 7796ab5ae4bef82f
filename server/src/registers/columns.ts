import { normalizeText, type RegisterKind, registerColumns, registerOptional } from '@djt/shared'
import { ApiError } from '../http/errors.ts'

/** Where each field of the register sits in the file's rows (absent: optional and missing). */
export type ColumnPositions = Record<string, number | undefined>

/**
 * Finds the register's columns in the header row by their Chinese names, in any order;
 * other columns are ignored. A missing column stops the import before anything is stored.
 */
export function locateColumns(kind: RegisterKind, header: string[]): ColumnPositions {
  const found = new Map<string, number>()
  header.forEach((title, index) => {
    const name = normalizeText(title)
    if (!found.has(name)) found.set(name, index)
  })
  const positions: ColumnPositions = {}
  const missing: string[] = []
  for (const [field, title] of Object.entries(registerColumns[kind])) {
    positions[field] = found.get(normalizeText(title))
    if (positions[field] === undefined && !registerOptional[kind].includes(field))
      missing.push(title)
  }
  const optional = registerOptional[kind]
  if (optional.length > 0 && optional.every((field) => positions[field] === undefined))
    missing.push(optional.map((field) => registerColumns[kind][field]).join('或'))
  if (missing.length > 0) {
    throw new ApiError(
      400,
      'validation_failed',
      `文件缺少以下列：${missing.join('、')}`,
      missing.map((title) => ({ field: 'file', message: `缺少“${title}”列` })),
    )
  }
  return positions
}

/** The empty template a clerk fills: the register's headers, in the usual order. */
export function templateHeaders(kind: RegisterKind): string[] {
  return Object.values(registerColumns[kind])
}
