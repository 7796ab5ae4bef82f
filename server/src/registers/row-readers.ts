// Rows of an uploaded register, read as a stream from the spooled upload: CSV (UTF-8 with
// or without BOM, or GB18030 as older Excel saves it) or the first sheet of an XLSX file.
import type { FileHandle } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parse } from 'csv-parse'
import type ExcelJS from 'exceljs'
import { ApiError } from '../http/errors.ts'

/** One row as text cells; line is the row number a clerk sees in Excel (header = 1). */
export interface SheetRow {
  line: number
  cells: string[]
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
const SNIFF_BYTES = 64 * 1024
const CHUNK = 64 * 1024

/** The format is decided by the bytes, not the file name a browser sent. */
export async function* readSheetRows(file: FileHandle): AsyncGenerator<SheetRow> {
  const head = Buffer.alloc(SNIFF_BYTES)
  const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0)
  const start = head.subarray(0, bytesRead)
  const rows = start.subarray(0, 4).equals(ZIP_MAGIC)
    ? xlsxRows(file)
    : csvRows(file, utf8Likely(start) ? 'utf-8' : 'gb18030')
  try {
    yield* rows
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw unreadable(error)
  }
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
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true })
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

async function* xlsxRows(file: FileHandle) {
  const source = openStream(file)
  // Loaded on the first XLSX only: it weighs some 30 MB, most imports are CSV.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[]
        const cells: string[] = []
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
        yield { line: row.number, cells }
      }
      return // the first sheet only
    }
  } finally {
    source.destroy()
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

/**
 * The file from its start, read through the handle. Never a stream on the raw descriptor:
 * a parser closing its source after we closed the handle would close whatever file
 * reused the number (the embedded database's, once).
 */
function openStream(file: FileHandle): Readable {
  async function* chunks() {
    let position = 0
    for (;;) {
      const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(CHUNK), 0, CHUNK, position)
      if (bytesRead === 0) return
      position += bytesRead
      yield buffer.subarray(0, bytesRead)
    }
  }
  return Readable.from(chunks(), { objectMode: false })
}

function unreadable(error: unknown): ApiError {
  const line = (error as { lines?: number }).lines
  const where = typeof line === 'number' ? `（第${line}行附近）` : ''
  return new ApiError(
    400,
    'validation_failed',
    `文件无法读取${where}：请上传 UTF-8 或 GB18030 编码的 CSV 文件，或 XLSX 文件`,
    [{ field: 'file', message: '文件格式或编码不正确' }],
  )
}
