import { PassThrough, type Readable } from 'node:stream'
import { chinaWall } from '@djt/shared'
import type ExcelJS from 'exceljs'
import { cellText, type ExportSheet, type SheetCell, textWidth } from './sheet-cells.ts'

// At least a date's ten characters; also above 9, which exceljs takes for its default width
// and leaves out of the file (Excel's own default is 8.43).
const MIN_WIDTH = 10
const MAX_WIDTH = 50
/** Room for the bold header and the cell's margins. */
const PADDING = 2
/** Excel's width of a column nobody sized. */
const DEFAULT_WIDTH = 8.43
/** The title is bold at 12 pt against 11 pt cells. */
const TITLE_SCALE = 1.2
const HEADER_ROW = 2

/**
 * The sheets as one XLSX, streamed as it is written (exceljs WorkbookWriter), each laid out
 * for a clerk to hand on: a bold title row, a bold header frozen below it, columns fitted to
 * their text, shares as percentages and days and times as Excel dates on China's clock.
 */
export function xlsxOf(sheets: ExportSheet[]): Readable {
  const out = new PassThrough()
  writeWorkbook(sheets, out).catch((error: unknown) => out.destroy(error as Error))
  return out
}

async function writeWorkbook(sheets: ExportSheet[], out: PassThrough): Promise<void> {
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  })
  for (const sheet of sheets) {
    // A streamed sheet writes its column widths before its first row: measure first.
    const widths = await columnWidths(sheet)
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    })
    worksheet.columns = widths.map((width) => ({ width }))
    const title = worksheet.addRow([sheet.title])
    title.font = { bold: true, size: 12 }
    const span = titleSpan(sheet.title, widths)
    if (span > 1) worksheet.mergeCells(1, 1, 1, span)
    title.commit()
    const header = worksheet.addRow(sheet.header)
    header.font = { bold: true }
    header.commit()
    for await (const cells of sheet.rows) addCells(worksheet, cells).commit()
    worksheet.commit()
  }
  await workbook.commit()
}

async function columnWidths(sheet: ExportSheet): Promise<number[]> {
  if ('next' in sheet.rows) throw new TypeError(`${sheet.name}: rows are read twice, not once`)
  const widest = sheet.header.map(textWidth)
  for await (const cells of sheet.rows) {
    cells.forEach((cell, i) => {
      widest[i] = Math.max(widest[i] ?? 0, textWidth(cellText(cell)))
    })
  }
  return widest.map((width) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + PADDING)))
}

/** Merged across every column, and further right when the columns are too narrow for it. */
function titleSpan(title: string, widths: number[]): number {
  const needed = textWidth(title) * TITLE_SCALE
  let span = 0
  let width = 0
  while (span < widths.length || width < needed) {
    width += widths[span] ?? DEFAULT_WIDTH
    span += 1
  }
  return span
}

function addCells(worksheet: ExcelJS.Worksheet, cells: SheetCell[]): ExcelJS.Row {
  const row = worksheet.addRow(cells.map((cell) => stored(cell).value))
  cells.forEach((cell, i) => {
    const { format } = stored(cell)
    if (format) row.getCell(i + 1).numFmt = format
  })
  return row
}

/** What exceljs stores for the cell, and the number format that shows it. */
function stored(cell: SheetCell): { value: string | number | Date | null; format?: string } {
  if (cell === null || typeof cell !== 'object') return { value: cell }
  if ('ratio' in cell) return { value: cell.ratio, format: '0.0%' }
  if ('day' in cell) return { value: new Date(`${cell.day}T00:00:00Z`), format: 'yyyy-mm-dd' }
  return { value: chinaWall(cell.at), format: 'yyyy-mm-dd hh:mm' }
}
