import type { PlaceImportReport, PlaceInput } from '@djt/shared'
import { yieldToEventLoop } from '../db/pglite.ts'
import { RejectCap } from '../uploads/reject-cap.ts'
import type { UploadedFile } from '../uploads/upload.ts'
import { readPlaceRecords } from './place-records.ts'
import { type RowContext, readPlaceRecord } from './place-rows.ts'

/** A row that passed every check, in GCJ-02, with its county's path. */
export interface CheckedPlace {
  line: number
  place: PlaceInput
  regionPath: string
}

export interface CheckedFile {
  rowsRead: number
  rowsRejected: number
  /** The first rejects one by one, then a note of how many there were in all. */
  rejected: PlaceImportReport['rejected']
  places: CheckedPlace[]
}

/** Rows checked between two turns of the event loop: a 64 KB chunk holds hundreds. */
const ROWS_PER_TURN = 100

/**
 * Reads and checks a whole place file before anything is written: on the embedded
 * database a transaction holds the only session, so the parsing must not happen inside
 * one. What is kept is the checked places (at most `limits.places.rows`) and the first
 * `limits.places.rejects` problems.
 */
export async function checkPlaceFile(
  upload: UploadedFile,
  context: RowContext,
): Promise<CheckedFile> {
  const limits = upload.limits.places
  const cap = new RejectCap(limits.rejects)
  const checked: CheckedFile = { rowsRead: 0, rowsRejected: 0, rejected: [], places: [] }
  for await (const record of readPlaceRecords(upload.file, upload.fileName, limits)) {
    if (++checked.rowsRead % ROWS_PER_TURN === 0) await yieldToEventLoop()
    const read = readPlaceRecord(record, context)
    if ('place' in read) {
      checked.places.push({ line: record.line, ...read })
      continue
    }
    checked.rowsRejected++
    if (cap.admit(record.line, read.problems.length))
      for (const problem of read.problems) checked.rejected.push({ line: record.line, ...problem })
  }
  const note = cap.note(`共拒收${checked.rowsRejected}行`)
  if (note) checked.rejected.push(note)
  return checked
}
