import type { Difficulty, StaffDifficulty } from '@djt/shared'
import type { DifficultyEventRow, DifficultyRow } from './difficulties.repository.ts'

/** A difficulty as its rider reads it: no staff member is named, only what they wrote. */
export function toDifficulty(
  row: DifficultyRow,
  events: DifficultyEventRow[],
  photoIds: string[],
): Difficulty {
  return {
    id: row.id,
    category: row.category,
    text: row.text,
    place:
      row.place_address !== null && row.lat !== null && row.lng !== null
        ? {
            name: row.place_name,
            address: row.place_address,
            location: { lat: row.lat, lng: row.lng },
          }
        : null,
    regionCode: row.region_code,
    regionName: row.region_name,
    state: row.state,
    outcome: row.outcome,
    helpful: row.helpful,
    meToo: Number(row.me_too ?? 0),
    photoIds,
    createdAt: row.created_at.toISOString(),
    events: events.map((event) => ({
      kind: event.kind,
      text: event.text,
      regionName: event.region_name,
      at: event.at.toISOString(),
    })),
  }
}

export function toStaffDifficulty(
  row: DifficultyRow,
  events: DifficultyEventRow[],
  photoIds: string[],
): StaffDifficulty {
  return { ...toDifficulty(row, events, photoIds), riderName: row.rider_name }
}
