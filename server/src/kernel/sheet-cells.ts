import { chinaDateTime } from '@djt/shared'

/** A share (0–1): stored as the number, shown as a percentage. */
interface PercentCell {
  ratio: number
}
/** A calendar day in China, `YYYY-MM-DD`. */
interface DayCell {
  day: string
}
/** An instant, shown on China's clock. */
interface TimeCell {
  at: Date
}

/**
 * A cell of an exported sheet. Shares, days and instants are tagged so that the XLSX can
 * store numbers and dates with a number format, and the CSV print them the same way.
 */
export type SheetCell = string | number | null | PercentCell | DayCell | TimeCell

export const percentCell = (ratio: number | null): SheetCell => (ratio === null ? null : { ratio })
export const dayCell = (day: string | null): SheetCell => (day === null ? null : { day })
export const timeCell = (at: Date | null): SheetCell => (at === null ? null : { at })

/** One table of an export: a tab of the XLSX, a section of the CSV. */
export interface ExportSheet {
  /** The tab's name (Excel allows 31 characters). */
  name: string
  /** The line above the header: whose figures, and as of when (数据时间). */
  title: string
  header: string[]
  /**
   * Read twice, to fit the columns and then to write them: an array, or an iterable whose
   * iterator starts afresh each time (a generator object would be empty the second time).
   */
  rows: Iterable<SheetCell[]> | AsyncIterable<SheetCell[]>
}

/** `鼓楼区 专业市场（数据时间 2026-07-05 10:00）`: the title row of every export. */
export function sheetTitle(parts: (string | undefined)[], asOf: Date | string): string {
  return `${parts.filter(Boolean).join(' ')}（数据时间 ${chinaDateTime(asOf)}）`
}

/** The cell as the CSV prints it and the XLSX shows it (column widths are measured on it). */
export function cellText(cell: SheetCell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return String(cell)
  if ('ratio' in cell) return `${(cell.ratio * 100).toFixed(1)}%`
  if ('day' in cell) return cell.day
  return chinaDateTime(cell.at)
}

// East Asian wide characters (CJK, kana, hangul, full-width forms and punctuation) take two
// of Excel's width units, which are the width of a '0'.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u

/** Columns the text needs: CJK characters count 2, others 1; the longest line counts. */
export function textWidth(text: string): number {
  let widest = 0
  for (const line of text.split('\n')) {
    let width = 0
    for (const char of line) width += WIDE.test(char) ? 2 : 1
    widest = Math.max(widest, width)
  }
  return widest
}
