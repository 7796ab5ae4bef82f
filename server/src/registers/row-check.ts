import {
  mobileProblem,
  normalizeMobile,
  normalizeResidentId,
  type Platform,
  platformNames,
  type RegisterKind,
  registerColumns,
  residentIdProblem,
  usccProblem,
} from '@djt/shared'
import type { ColumnPositions } from './columns.ts'

/** Why a row was refused: the column and the reason, never the value (it may be personal). */
export interface RowProblem {
  field: string
  reason: string
}

/** What rows are checked against: the known regions and the importer's jurisdiction. */
export interface RowContext {
  regionPaths: Map<string, string>
  scopePath: string
}

const TRUE = new Set(['是', 'Y', 'YES', '1', 'TRUE'])
const FALSE = new Set(['否', 'N', 'NO', '0', 'FALSE'])
const platformByName = new Map<string, Platform>(
  Object.entries(platformNames).flatMap(([value, name]) => [
    [name, value as Platform],
    [value.toUpperCase(), value as Platform],
  ]),
)

/** Reads one row's cells by field, collecting every problem instead of stopping at the first. */
export class RowCheck {
  readonly problems: RowProblem[] = []
  constructor(
    private readonly kind: RegisterKind,
    private readonly columns: ColumnPositions,
    private readonly context: RowContext,
    private cells: string[] = [],
  ) {}

  reset(cells: string[]): void {
    this.cells = cells
    this.problems.length = 0
  }

  /** The cell, trimmed; '' when the column or the cell is missing. */
  cell(field: string): string {
    const index = this.columns[field]
    return index === undefined ? '' : (this.cells[index] ?? '').trim()
  }

  refuse(field: string, reason: string): undefined {
    const title = registerColumns[this.kind][field] ?? field
    this.problems.push({ field: title, reason })
    return undefined
  }

  text(field: string, max: number): string {
    const value = this.cell(field)
    const title = registerColumns[this.kind][field]
    if (value === '') this.refuse(field, `${title}为空`)
    else if (value.length > max) this.refuse(field, `${title}超过${max}个字`)
    return value
  }

  uscc(field: string): string {
    const value = this.cell(field).toUpperCase()
    // Its message quotes the bad character: dropped, rejects hold no part of a value.
    const problem = usccProblem(value)?.replace(/“.*?”/, '')
    if (problem) this.refuse(field, problem)
    return value
  }

  mobile(field: string, required: boolean): string | undefined {
    const value = normalizeMobile(this.cell(field))
    if (value === '' && !required) return undefined
    const problem = mobileProblem(value)
    return problem ? this.refuse(field, problem) : value
  }

  residentId(field: string): string | undefined {
    const value = normalizeResidentId(this.cell(field)).toUpperCase()
    if (value === '') return undefined
    const problem = residentIdProblem(value)
    return problem ? this.refuse(field, problem) : value
  }

  flag(field: string): boolean {
    const value = this.cell(field).toUpperCase()
    if (TRUE.has(value)) return true
    if (!FALSE.has(value)) this.refuse(field, `${registerColumns[this.kind][field]}应填是或否`)
    return false
  }

  count(field: string): number {
    const value = this.cell(field)
    const title = registerColumns[this.kind][field]
    if (!/^\d{1,6}$/.test(value)) this.refuse(field, `${title}应为不小于0的整数`)
    return Number(value)
  }

  platform(field: string): Platform | undefined {
    const found = platformByName.get(this.cell(field).toUpperCase())
    return found ?? this.refuse(field, `平台应为${Object.values(platformNames).join('、')}之一`)
  }

  /** A known region inside the importer's jurisdiction; its ltree path. */
  region(field: string, code = this.cell(field), label = '行政区划代码'): string | undefined {
    if (!/^\d{6}$/.test(code)) return this.refuse(field, `${label}应为6位数字`)
    const path = this.context.regionPaths.get(code)
    if (!path) return this.refuse(field, `${label}不是已知的行政区划`)
    const scope = this.context.scopePath
    if (path !== scope && !path.startsWith(`${scope}.`)) return this.refuse(field, '不在本辖区')
    return path
  }
}
