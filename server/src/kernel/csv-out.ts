import { Readable } from 'node:stream'
import { cellText, type ExportSheet, type SheetCell } from './sheet-cells.ts'

/** Excel opens a UTF-8 CSV as GBK unless it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF'

/** One CSV line (CRLF, as Excel writes), quoting only the cells that need it. */
export function csvLine(cells: readonly SheetCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

function csvCell(cell: SheetCell): string {
  const shown = cellText(cell)
  // Text a spreadsheet would run as a formula (=, +, -, @, or a tab or CR before them) is
  // kept as text by a leading apostrophe; numbers are ours and stay numbers.
  const text = typeof cell === 'string' && /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * The sheets of an export as one CSV, streamed: each as a section like its XLSX tab (title
 * line, the same header, its rows), a blank line between sections.
 */
export function csvOf(sheets: ExportSheet[]): Readable {
  return Readable.from(csvSections(sheets))
}

/** Lines go out some 64 KB at a time rather than one stream chunk each. */
const CHUNK = 64 * 1024

async function* csvSections(sheets: ExportSheet[]): AsyncGenerator<string> {
  let text = CSV_BOM
  for (const [i, sheet] of sheets.entries()) {
    text += `${i > 0 ? '\r\n' : ''}${csvLine([sheet.title])}${csvLine(sheet.header)}`
    for await (const cells of sheet.rows) {
      text += csvLine(cells)
      if (text.length < CHUNK) continue
      yield text
      text = ''
    }
  }
  yield text
}
