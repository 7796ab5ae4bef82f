import type { FileHandle } from 'node:fs/promises'
import { ApiError } from '../http/errors.ts'
import { readSheetRows } from '../registers/row-readers.ts'
import { fieldOfHeader, locatePlaceColumns, type PlaceRecord } from './import-columns.ts'

const unreadable = (message: string) =>
  new ApiError(400, 'validation_failed', message, [{ field: 'file', message }])

/** GeoJSON when the file name says so or the content starts with `{`; else CSV or XLSX. */
export async function* readPlaceRecords(
  file: FileHandle,
  fileName: string,
): AsyncGenerator<PlaceRecord> {
  const head = Buffer.alloc(16)
  const { bytesRead } = await file.read(head, 0, 16, 0)
  const start = head
    .subarray(0, bytesRead)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (fileName.toLowerCase().endsWith('.geojson') || start.startsWith('{'))
    yield* geojsonRecords(file)
  else yield* sheetRecords(file)
}

async function* sheetRecords(file: FileHandle): AsyncGenerator<PlaceRecord> {
  const rows = readSheetRows(file)
  const header = await rows.next()
  if (header.done) throw unreadable('文件是空的')
  const columns = locatePlaceColumns(header.value.cells)
  for await (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue
    const cells: PlaceRecord['cells'] = {}
    for (const [index, field] of columns) cells[field] = row.cells[index] ?? ''
    yield { line: row.line, cells }
  }
}

interface Feature {
  geometry?: { type?: string; coordinates?: unknown }
  properties?: Record<string, unknown> | null
}

/** Features numbered from 1; a Point's [lng, lat] fill 经度 and 纬度. */
async function* geojsonRecords(file: FileHandle): AsyncGenerator<PlaceRecord> {
  const { size } = await file.stat()
  const buffer = Buffer.alloc(size)
  await file.read(buffer, 0, size, 0)
  let collection: { type?: string; features?: Feature[] }
  try {
    collection = JSON.parse(buffer.toString('utf8').replace(/^\uFEFF/, ''))
  } catch {
    throw unreadable('GeoJSON 文件无法解析')
  }
  if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw unreadable('GeoJSON 应为 FeatureCollection')
  let line = 0
  for (const feature of collection.features) {
    const cells: PlaceRecord['cells'] = {}
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const field = fieldOfHeader(key)
      if (field) cells[field] = Array.isArray(value) ? value.join('、') : String(value ?? '')
    }
    const point = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : undefined
    if (Array.isArray(point)) {
      cells.lng = String(point[0] ?? '')
      cells.lat = String(point[1] ?? '')
    }
    yield { line: ++line, cells }
  }
}
