import type { FileHandle } from 'node:fs/promises'
import { readSheetRows } from '../kernel/row-readers.ts'
import { fileChunks } from '../uploads/file-chunks.ts'
import { geojsonFeatures } from '../uploads/geojson-features.ts'
import { overLimit, type SheetLimits, unreadableFile } from '../uploads/limits.ts'
import { fieldOfHeader, locatePlaceColumns, type PlaceRecord } from './import-columns.ts'

/** GeoJSON when the file name says so or the content starts with `{`; else CSV or XLSX. */
export async function* readPlaceRecords(
  file: FileHandle,
  fileName: string,
  limits: SheetLimits,
): AsyncGenerator<PlaceRecord> {
  const head = Buffer.alloc(16)
  const { bytesRead } = await file.read(head, 0, 16, 0)
  const start = head
    .subarray(0, bytesRead)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (fileName.toLowerCase().endsWith('.geojson') || start.startsWith('{'))
    yield* geojsonRecords(file, limits)
  else yield* sheetRecords(file, limits)
}

async function* sheetRecords(file: FileHandle, limits: SheetLimits): AsyncGenerator<PlaceRecord> {
  const rows = readSheetRows(file, limits)
  const header = await rows.next()
  if (header.done) throw unreadableFile('文件是空的')
  const columns = locatePlaceColumns(header.value.cells)
  for await (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue
    const cells: PlaceRecord['cells'] = {}
    for (const [index, field] of columns) cells[field] = row.cells[index] ?? ''
    yield { line: row.line, cells }
  }
}

/** Features numbered from 1; a Point's [lng, lat] fill 经度 and 纬度. */
async function* geojsonRecords(file: FileHandle, limits: SheetLimits): AsyncGenerator<PlaceRecord> {
  let line = 0
  for await (const feature of geojsonFeatures(fileChunks(file))) {
    if (++line > limits.rows)
      throw overLimit(`GeoJSON 超过${limits.rows}个要素的上限，请分成几个文件导入`)
    if (!isObject(feature)) throw unreadableFile(`GeoJSON 第${line}个要素应为 Feature 对象`)
    const cells: PlaceRecord['cells'] = {}
    const properties = isObject(feature.properties) ? feature.properties : {}
    for (const [key, value] of Object.entries(properties)) {
      const field = fieldOfHeader(key)
      if (field) cells[field] = Array.isArray(value) ? value.join('、') : String(value ?? '')
    }
    const geometry = isObject(feature.geometry) ? feature.geometry : {}
    const point = geometry.type === 'Point' ? geometry.coordinates : undefined
    if (Array.isArray(point)) {
      cells.lng = String(point[0] ?? '')
      cells.lat = String(point[1] ?? '')
    }
    yield { line, cells }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
