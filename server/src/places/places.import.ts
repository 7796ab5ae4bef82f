import type { CoordinateSystem, PlaceImportReport } from '@djt/shared'
import type { Kysely } from 'kysely'
import { recordStaffAction } from '../audit/audit.repository.ts'
import type { StaffCaller } from '../auth/access.ts'
import type { Database } from '../db/schema.ts'
import type { UploadedFile } from '../uploads/upload.ts'
import { checkPlaceFile } from './place-import-read.ts'
import { writePlaces } from './place-import-write.ts'
import { insertPlaceImport, regionsByCode } from './places.repository.ts'

export interface PlaceImportRequest {
  upload: UploadedFile
  crs: CoordinateSystem
  caller: StaffCaller
  requestId: string
  ip: string
}

/**
 * One file all-or-nothing. It is read and checked first, outside any transaction; then
 * its places (in batches), the import row and the audit row commit together, so a
 * failure or a killed process leaves nothing behind.
 */
export async function importPlaces(
  db: Kysely<Database>,
  request: PlaceImportRequest,
): Promise<PlaceImportReport> {
  const { upload, caller, crs } = request
  const regions = await regionsByCode(db)
  const checked = await checkPlaceFile(upload, { crs, caller, regions })
  return db.transaction().execute(async (trx) => {
    const written = await writePlaces(trx, checked.places, caller.id, upload.limits.places.rejects)
    const rejected = written.duplicatesNote
      ? [...checked.rejected, written.duplicatesNote]
      : checked.rejected
    const report = { rowsRead: checked.rowsRead, rejected, duplicates: written.duplicates }
    const counts = { rowsAccepted: written.accepted, rowsRejected: checked.rowsRejected }
    const row = await insertPlaceImport(trx, {
      file_name: upload.fileName.slice(0, 255),
      crs,
      imported_by: caller.id,
      region_path: caller.regionPath,
      rows_read: report.rowsRead,
      rows_accepted: counts.rowsAccepted,
      rows_rejected: counts.rowsRejected,
      report: { ...report, ...counts },
    })
    await recordStaffAction(
      trx,
      caller,
      request,
      'place.import',
      ['place_import', row.id],
      caller.regionPath,
      { crs, rowsRead: report.rowsRead, ...counts },
    )
    return { id: row.id, fileName: upload.fileName, crs, ...report, ...counts }
  })
}
