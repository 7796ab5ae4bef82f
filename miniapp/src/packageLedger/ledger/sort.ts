import type { Cell } from './Table'

export type SortDirection = 'asc' | 'desc'

/** Which column a table is sorted by: 0… the figures in `head` order, LABEL the name column. */
export interface SortState {
  column: number
  direction: SortDirection
}
export const LABEL = -1

/**
 * A header's click: the same column turns around; another column starts with the largest
 * figure first (what a comparison looks for) or, for names, in order from the top.
 */
export function nextSort(current: SortState | null, column: number): SortState {
  if (current?.column === column)
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { column, direction: column === LABEL ? 'asc' : 'desc' }
}

interface Sortable {
  label: string
  cells: readonly Cell[]
}

/** The rows in the order asked; equal rows keep their order, empty cells go last either way. */
export function sortRows<R extends Sortable>(rows: readonly R[], sort: SortState | null): R[] {
  if (!sort) return [...rows]
  const sign = sort.direction === 'asc' ? 1 : -1
  const key = (row: R): Cell =>
    sort.column === LABEL ? row.label : (row.cells[sort.column] ?? null)
  return [...rows].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    const emptyX = x === null || x === ''
    const emptyY = y === null || y === ''
    if (emptyX || emptyY) return Number(emptyX) - Number(emptyY)
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y)
    return sign * String(x).localeCompare(String(y), 'zh-CN')
  })
}
