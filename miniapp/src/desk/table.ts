import type { ReactNode } from 'react'
import type { PagedCardsProps } from '../components/PagedCards'

/**
 * One column of a staff list shown as a table at the desk. `value` is what the column
 * sorts and filters by (the text a clerk reads, or a number or ISO time that sorts right);
 * `render` what the cell shows when that differs.
 */
export interface DeskColumn<T> {
  key: string
  title: string
  value: (row: T) => string | number
  render?: (row: T) => ReactNode
  sortable?: boolean
  /** 'text': a box matching any part; 'choice': a select of the values the rows hold. */
  filter?: 'text' | 'choice'
  /** A CSS width such as '12em'; the rest share what is left. */
  width?: string
  /** Left out while a record is open beside the table (DeskSplit), which halves its width. */
  secondary?: boolean
}

export interface TableSort {
  key: string
  direction: 'asc' | 'desc'
}

/** Filter texts by column key; an empty text filters nothing. */
export type TableFilters = Readonly<Record<string, string>>

/** At most this many rows are fetched to sort or filter a list on the page. */
export const ALL_ROWS_CAP = 1000

// Made on first use, never at import: WeChat's JavaScript has no Intl, and the phone's cards
// import this module for `tableFoot` alone. Only the browser's desk table sorts.
let collator: Intl.Collator | undefined
function byPinyin(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-Hans-CN', { numeric: true })
  return collator.compare(a, b)
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return byPinyin(String(a), String(b))
}

/** The next sort after a click on a column header: ascending, then descending, then none. */
export function nextSort(current: TableSort | null, key: string): TableSort | null {
  if (current?.key !== key) return { key, direction: 'asc' }
  return current.direction === 'asc' ? { key, direction: 'desc' } : null
}

/** The rows every filter lets through, sorted; ties keep the list's own order. */
export function arrangeRows<T>(
  rows: readonly T[],
  columns: readonly DeskColumn<T>[],
  sort: TableSort | null,
  filters: TableFilters,
): T[] {
  const active = columns.flatMap((column) => {
    const wanted = (filters[column.key] ?? '').trim()
    if (!wanted || !column.filter) return []
    const exact = column.filter === 'choice'
    const test = (row: T) => {
      const text = String(column.value(row))
      return exact ? text === wanted : text.toLowerCase().includes(wanted.toLowerCase())
    }
    return [test]
  })
  const kept = rows.filter((row) => active.every((test) => test(row)))
  const column = sort && columns.find((item) => item.key === sort.key)
  if (!sort || !column) return kept
  const sign = sort.direction === 'asc' ? 1 : -1
  return kept
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(column.value(a.row), column.value(b.row)) || a.index - b.index)
    .map((item) => item.row)
}

/** The values a 'choice' filter offers: those the rows hold, in sorted order. */
export function choicesOf<T>(rows: readonly T[], column: DeskColumn<T>): string[] {
  return [...new Set(rows.map((row) => String(column.value(row))))].sort(byPinyin)
}

/** Whether sorting or filtering is on, so the whole list must be on the page first. */
export function arranging(sort: TableSort | null, filters: TableFilters): boolean {
  return sort !== null || Object.values(filters).some((text) => text.trim() !== '')
}

/** What the table's foot says about how much of the list it shows. */
export function tableFoot(shown: number, loaded: number, total: number | null, more: boolean) {
  if (total === null && more) return `已显示 ${loaded} 条，还有更多`
  const whole = total ?? loaded
  if (shown !== loaded) return `筛选出 ${shown} 条（共 ${whole} 条）`
  if (more) return `已显示 ${loaded} 条，共 ${whole} 条`
  return `共 ${whole} 条`
}

/** An action on the rows a clerk ticked (e.g. 批量同意); it reports its own outcome. */
export interface BulkAction<T> {
  label: string
  run: (rows: T[]) => Promise<void>
}

/** A staff list: cards on a phone and in WeChat, a table at the desk (DeskTable.h5.tsx). */
export interface DeskTableProps<T> extends PagedCardsProps<T> {
  /** What the table lists, for screen readers: 待审核的报到. */
  caption: string
  columns: readonly DeskColumn<T>[]
  /** A row's click (or Enter on it) at the desk. */
  onOpen?: (row: T) => void
  /** The key of the row whose record is open beside the table (DeskSplit), marked. */
  shownBeside?: string | null
  /** The buttons at the end of a row at the desk. */
  actions?: (row: T) => ReactNode
  bulk?: readonly BulkAction<T>[]
}
