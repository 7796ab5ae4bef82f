import type { FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { overLimit, unreadableFile, type XlsxLimits } from './limits.ts'
import { SHARED_STRINGS, XlsxZip } from './xlsx-zip.ts'

/**
 * The parts of exceljs's streaming WorkbookReader we drive ourselves (exceljs 4.4.0,
 * pinned): its `parse()` reads the zip as one stream in whatever order the parts come,
 * spills sheets to temporary files and inflates without limit. Given the parts one by one,
 * in the order we choose and each through a guard, its parsers do the rest as before.
 */
interface WorkbookReaderParts {
  _parseRels(part: Readable): Promise<void>
  _parseWorkbook(part: Readable): Promise<void>
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>
  _parseWorksheet(
    part: Readable,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>
  workbookRels?: { Id: string; Target: string }[]
  model?: { sheets?: { rId: string }[] }
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/

/** Rows of the workbook's first sheet as exceljs reads them, every part within its limits. */
export async function* xlsxSheetRows(
  file: FileHandle,
  limits: XlsxLimits,
): AsyncGenerator<ExcelJS.Row> {
  const zip = await XlsxZip.open(file, limits)
  try {
    // Loaded on the first XLSX only: it weighs some 30 MB, most imports are CSV.
    const { default: Excel } = await import('exceljs')
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    }) as unknown as WorkbookReaderParts
    await reader._parseRels(await zip.part('xl/_rels/workbook.xml.rels'))
    await reader._parseWorkbook(await zip.part('xl/workbook.xml'))
    if (zip.entries.has(SHARED_STRINGS)) {
      const strings = await zip.part(SHARED_STRINGS, [
        { name: 'si', max: limits.sharedStrings, refuse: tooManyStrings },
        // A rich-text run costs exceljs some 300 bytes, three or four times a plain string.
        { name: 'r', max: Math.floor(limits.sharedStrings / 4), refuse: tooManyRuns },
      ])
      for await (const _ of reader._parseSharedStrings(strings));
    }
    const sheet = firstSheet(reader, zip)
    const part = await zip.part(sheet.path)
    for (const { value } of reader._parseWorksheet(part, sheet.number)) yield* value
  } finally {
    zip.close()
  }
}

/** The first sheet as Excel shows it (the workbook's order), else the lowest-numbered one. */
function firstSheet(reader: WorkbookReaderParts, zip: XlsxZip): { path: string; number: string } {
  const rId = reader.model?.sheets?.[0]?.rId
  const target = reader.workbookRels?.find((rel) => rel.Id === rId)?.Target
  const named = target && (target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  const path =
    named && zip.entries.has(named)
      ? named
      : [...zip.entries.keys()]
          .filter((name) => SHEET.test(name))
          .sort((a, b) => sheetNumber(a) - sheetNumber(b))[0]
  if (!path) throw unreadableFile('XLSX 文件中没有工作表')
  return { path, number: String(sheetNumber(path) || 1) }
}

const sheetNumber = (path: string) => Number(SHEET.exec(path)?.[1] ?? 0)

const tooManyStrings = (max: number) =>
  overLimit(`XLSX 文件的共享字符串超过${max}条：请另存为 CSV 后导入`)
const tooManyRuns = (max: number) =>
  overLimit(`XLSX 文件的共享字符串含超过${max}段格式文字：请另存为 CSV 后导入`)
