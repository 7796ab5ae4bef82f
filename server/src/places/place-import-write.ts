import { normalizeText, type PlaceImportReport } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { type CapNote, RejectCap } from '../uploads/reject-cap.ts'
import { haversineMeters } from './geo.ts'
import { hoursRows } from './hours.ts'
import { placesNearEach } from './nearby.repository.ts'
import type { CheckedPlace } from './place-import-read.ts'
import { insertHours, insertPlaces, type NewPlace, placeColumns } from './places.repository.ts'
import { freshPlaceCodes } from './places.service.ts'

/** The same place entered twice: the same normalised name this close. */
export const DUPLICATE_METERS = 30
/**
 * Places per statement. Each insert runs the ledger trigger per row, and on the embedded
 * database one statement holds the thread: a hundred keep it to tens of milliseconds.
 */
const BATCH = 100

export interface WrittenPlaces {
  accepted: number
  duplicates: PlaceImportReport['duplicates']
  /** Set when more duplicates were found than the report lists. */
  duplicatesNote: CapNote | undefined
}

/**
 * Writes checked places in batches, in file order, leaving out each one with the same
 * name within 30 m of a place stored before or of an earlier row of the file.
 */
export async function writePlaces(
  trx: Kysely<Database>,
  places: CheckedPlace[],
  createdBy: string,
  maxListed: number,
): Promise<WrittenPlaces> {
  const earlier = new TwinIndex()
  const cap = new RejectCap(maxListed)
  const written: WrittenPlaces = { accepted: 0, duplicates: [], duplicatesNote: undefined }
  let duplicateRows = 0
  for (let start = 0; start < places.length; start += BATCH) {
    const batch = places.slice(start, start + BATCH)
    const stored = await placesNearEach(
      trx,
      batch.map((row) => row.place.location),
      DUPLICATE_METERS,
    )
    const fresh: CheckedPlace[] = []
    batch.forEach((row, index) => {
      const key = normalizeText(row.place.name)
      const twin = earlier.find(key, row.place.location)
      const existing = twin
        ? `本文件第${twin}行`
        : stored.find((s) => s.point === index && normalizeText(s.name) === key)
      if (!existing) {
        earlier.add(key, row)
        fresh.push(row)
        return
      }
      duplicateRows++
      if (cap.admit(row.line, 1))
        written.duplicates.push({
          line: row.line,
          name: row.place.name,
          existing:
            typeof existing === 'string' ? existing : `${existing.name}（${existing.code}）`,
        })
    })
    await insertBatch(trx, fresh, createdBy)
    written.accepted += fresh.length
  }
  written.duplicatesNote = cap.note(`共${duplicateRows}行疑似重复，均未导入`, '疑似重复')
  return written
}

async function insertBatch(trx: Kysely<Database>, rows: CheckedPlace[], createdBy: string) {
  const codes = await freshPlaceCodes(trx, rows.length)
  const values: NewPlace[] = rows.map((row, i) => ({
    ...placeColumns(row.place, row.regionPath),
    code: codes[i] as string,
    created_by: createdBy,
  }))
  const ids = await insertPlaces(trx, values)
  const hours = rows.flatMap((row, i) => {
    const placeId = ids.get(codes[i] as string) as string
    return hoursRows(row.place.hours).map((range) => ({ place_id: placeId, ...range }))
  })
  await insertHours(trx, hours)
}

/**
 * The file's places written so far, by name and by a grid of 0.001° (at least 66 m
 * anywhere in China, more than 30 m): a twin can only be in the same or a next cell, so
 * a file of twenty thousand stations with one name is not compared pair by pair.
 */
class TwinIndex {
  private readonly cells = new Map<string, CheckedPlace[]>()

  add(key: string, row: CheckedPlace): void {
    const cell = this.cellKey(key, row.place.location, 0, 0)
    const list = this.cells.get(cell)
    if (list) list.push(row)
    else this.cells.set(cell, [row])
  }

  /** The first line of the file with this name within 30 m. */
  find(key: string, point: { lat: number; lng: number }): number | undefined {
    let first: number | undefined
    for (const dLat of [-1, 0, 1])
      for (const dLng of [-1, 0, 1])
        for (const row of this.cells.get(this.cellKey(key, point, dLat, dLng)) ?? [])
          if (haversineMeters(row.place.location, point) <= DUPLICATE_METERS)
            first = Math.min(first ?? row.line, row.line)
    return first
  }

  private cellKey(key: string, point: { lat: number; lng: number }, dLat: number, dLng: number) {
    return `${key}\u0000${Math.floor(point.lat * 1000) + dLat}\u0000${Math.floor(point.lng * 1000) + dLng}`
  }
}
