// Rows of an uploaded register, read as a stream from the spooled upload: CSV (UTF-8 with
// or without BOM, or GB18030 as older Excel saves it) or the first sheet of an XLSX file,
// each within the import's limits of rows, columns and size.
import type { FileHandle } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import type ExcelJS from 'exceljs'
import { ApiError } from '../http/errors.ts'
import { fileChunks } from '../uploads/file-chunks.ts'
import {
  MAX_RECORD_BYTES,
  megabytes,
  overLimit,
  type SheetLimits,
  type XlsxLimits,
} from '../uploads/limits.ts'
import { xlsxSheetRows } from '../uploads/xlsx-rows.ts'

/** One row as text cells; line is the row number a clerk sees in Excel (header = 1). */
export interface SheetRow {
  line: number
  cells: string[]
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
const SNIFF_BYTES = 64 * 1024
/** Excel's own limit: no row of a real sheet is wider, whatever its trailing blanks. */
const EXCEL_COLUMNS = 16_384

/**
 * The format is decided by the bytes, not the file name a browser sent. Past `limits.rows`
 * data rows, or a row with more than `limits.columns` columns up to its last filled cell,
 * the file is refused (413): it was all or nothing anyway.
 */
export async function* readSheetRows(
  file: FileHandle,
  limits: SheetLimits,
): AsyncGenerator<SheetRow> {
  const head = Buffer.alloc(SNIFF_BYTES)
  const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0)
  const start = head.subarray(0, bytesRead)
  const rows = start.subarray(0, 4).equals(ZIP_MAGIC)
    ? xlsxRows(file, limits.xlsx)
    : csvRows(file, utf8Likely(start) ? 'utf-8' : 'gb18030')
  try {
    let count = 0
    for await (const row of rows) {
      if (++count > limits.rows + 1)
        throw overLimit(`文件超过${limits.rows}行数据的上限，请分成几个文件导入`)
      const width = filledWidth(row.cells)
      if (width > limits.columns)
        throw overLimit(`第${row.line}行有${width}列，超过${limits.columns}列的上限`)
      if (width < row.cells.length) row.cells.length = width
      yield row
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw unreadable(error)
  }
}

/** Columns up to the last cell that holds something: trailing blanks are not columns. */
function filledWidth(cells: string[]): number {
  let width = cells.length
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width--
  return width
}

/** The header row holds Chinese names, so 64 KB that decode as UTF-8 settle it. */
function utf8Likely(start: Buffer): boolean {
  if (start.subarray(0, 3).equals(UTF8_BOM)) return true
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true })
    return true
  } catch {
    return false
  }
}

/**
 * Records are numbered as Excel numbers rows: a cell with a line break is still one row,
 * and an empty line is a row too (counted, then skipped by the loader).
 */
async function* csvRows(file: FileHandle, encoding: 'utf-8' | 'gb18030') {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
    // Called on every field: a record of empty fields grows no byte count, so it is cut here.
    cast: (value, context) => {
      if (context.index >= EXCEL_COLUMNS) throw tooWide(context.lines)
      return value
    },
  })
  const source = openStream(file)
  const stages = encoding === 'utf-8' ? [source, parser] : [source, transcoder(encoding), parser]
  // A failure in any stage destroys the parser, so it surfaces in the loop below.
  pipeline(stages).catch(() => undefined)
  let line = 0
  for await (const cells of parser) yield { line: ++line, cells: cells as string[] }
}

/** GB18030 bytes to UTF-8 bytes, a character split across chunks kept for the next one. */
function transcoder(encoding: string): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true })
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true })))
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode()))
    },
  })
}

async function* xlsxRows(file: FileHandle, limits: XlsxLimits): AsyncGenerator<SheetRow> {
  for await (const row of xlsxSheetRows(file, limits)) {
    const values = row.values as ExcelJS.CellValue[]
    const cells: string[] = []
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
    yield { line: row.number, cells }
  }
}

/** What the clerk sees in the cell: rich text joined, formula results, dates as days. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value !== 'object') return String(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue)
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  return ''
}

function openStream(file: FileHandle): Readable {
  return Readable.from(fileChunks(file), { objectMode: false })
}

const tooWide = (line: number) => overLimit(`第${line}行超过${EXCEL_COLUMNS}列，不是有效的表格文件`)

function unreadable(error: unknown): ApiError {
  // csv-parse reports a thrown cast error as it is, and its own limit by a code.
  if (error instanceof ApiError) return error
  if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE')
    return overLimit(`文件中有超过${megabytes(MAX_RECORD_BYTES)}的一行，无法读取`)
  const line = (error as { lines?: number }).lines
  const where = typeof line === 'number' ? `（第${line}行附近）` : ''
  return new ApiError(
    400,
    'validation_failed',
    `文件无法读取${where}：请上传 UTF-8 或 GB18030 编码的 CSV 文件，或 XLSX 文件`,
    [{ field: 'file', message: '文件格式或编码不正确' }],
  )
}
