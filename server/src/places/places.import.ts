import { type CoordinateSystem, normalizeText, type PlaceImportReport } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import type { SpooledUpload } from '../registers/upload.ts'
import { haversineMeters } from './geo.ts'
import { placesWithin } from './nearby.repository.ts'
import { readPlaceRecords } from './place-records.ts'
import { type RowContext, readPlaceRecord } from './place-rows.ts'
import { insertPlace, placeColumns, replaceHours } from './places.repository.ts'
import { freshPlaceCode } from './places.service.ts'

/** The same place entered twice: the same normalised name this close. */
const DUPLICATE_METERS = 30

export interface PlaceImportRequest {
  upload: SpooledUpload
  crs: CoordinateSystem
  caller: StaffCaller
  requestId: string
  ip: string
}

interface Accepted {
  line: number
  key: string
  lat: number
  lng: number
}

/** One file all-or-nothing: its places, the import row and the audit row commit together. */
export async function importPlaces(
  db: Kysely<Database>,
  request: PlaceImportRequest,
): Promise<PlaceImportReport> {
  const regions = new Map(
    (await db.selectFrom('regions').select(['code', 'path', 'level']).execute()).map((row) => [
      row.code,
      row,
    ]),
  )
  const context: RowContext = { crs: request.crs, caller: request.caller, regions }
  return db.transaction().execute(async (trx) => {
    const report = { rowsRead: 0, rejected: [], duplicates: [] } as Omit<
      PlaceImportReport,
      'id' | 'fileName' | 'crs' | 'rowsAccepted' | 'rowsRejected'
    >
    const accepted: Accepted[] = []
    let rowsRejected = 0
    for await (const record of readPlaceRecords(request.upload.file, request.upload.fileName)) {
      report.rowsRead++
      const read = readPlaceRecord(record, context)
      if ('problems' in read) {
        rowsRejected++
        report.rejected.push(...read.problems.map((problem) => ({ line: record.line, ...problem })))
        continue
      }
      const { place } = read
      const key = normalizeText(place.name)
      const twin = accepted.find(
        (row) => row.key === key && haversineMeters(row, place.location) <= DUPLICATE_METERS,
      )
      const stored = twin
        ? undefined
        : (await placesWithin(trx, place.location, DUPLICATE_METERS)).find(
            (row) => normalizeText(row.name) === key,
          )
      if (twin || stored) {
        const existing = twin ? `本文件第${twin.line}行` : `${stored?.name}（${stored?.code}）`
        report.duplicates.push({ line: record.line, name: place.name, existing })
        continue
      }
      const id = await insertPlace(trx, {
        ...placeColumns(place, read.regionPath),
        code: await freshPlaceCode(trx),
        created_by: request.caller.id,
      })
      await replaceHours(trx, id, place.hours)
      accepted.push({ line: record.line, key, ...place.location })
    }
    const counts = { rowsAccepted: accepted.length, rowsRejected }
    const row = await trx
      .insertInto('place_imports')
      .values({
        file_name: request.upload.fileName.slice(0, 255),
        crs: request.crs,
        imported_by: request.caller.id,
        region_path: request.caller.regionPath,
        rows_read: report.rowsRead,
        rows_accepted: counts.rowsAccepted,
        rows_rejected: counts.rowsRejected,
        report: JSON.stringify({ ...report, ...counts }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordStaffAction(
      trx,
      request.caller,
      request,
      'place.import',
      ['place_import', row.id],
      request.caller.regionPath,
      { crs: request.crs, rowsRead: report.rowsRead, ...counts },
    )
    return { id: row.id, fileName: request.upload.fileName, crs: request.crs, ...report, ...counts }
  })
}
