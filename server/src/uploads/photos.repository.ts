import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PhotoCheckState } from '../pledges/pledges.table.ts'

type Db = Kysely<Database>

/** Stores an uploaded photo; the signed-in uploader is kept (null for an anonymous report). */
export function insertPhoto(
  db: Db,
  photo: { mime: 'image/jpeg' | 'image/png'; bytes: Buffer; uploadedBy: string | null },
) {
  return db
    .insertInto('pledge_photos')
    .values({ mime: photo.mime, bytes: photo.bytes, uploaded_by: photo.uploadedBy })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function findPhoto(db: Db, id: string) {
  return db
    .selectFrom('pledge_photos')
    .select(['mime', 'bytes', 'check_state'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The check states a photo may be shown to the public in (migration 0033). */
export const PUBLIC_CHECK_STATES: readonly PhotoCheckState[] = ['unchecked', 'passed']

export async function photoCheckState(
  db: Db,
  photoId: string,
): Promise<PhotoCheckState | undefined> {
  const row = await db
    .selectFrom('pledge_photos')
    .select('check_state')
    .where('id', '=', photoId)
    .executeTakeFirst()
  return row?.check_state
}

export async function photoExists(db: Db, photoId: string): Promise<boolean> {
  return (await photoCheckState(db, photoId)) !== undefined
}

/** The photo was sent to WeChat's image check under `trace`. */
export async function markPhotoPending(db: Db, photoId: string, trace: string): Promise<void> {
  await db
    .updateTable('pledge_photos')
    .set({ check_state: 'pending', check_trace: trace })
    .where('id', '=', photoId)
    .where('check_state', '=', 'unchecked')
    .execute()
}

/**
 * WeChat's verdict on the check `trace`; only a pending check takes one, so WeChat's
 * retries of the same push change nothing. Returns the photo, or undefined when no pending
 * check has that trace.
 */
export function recordPhotoVerdict(
  db: Db,
  trace: string,
  verdict: { state: Exclude<PhotoCheckState, 'pending'>; label: number | null },
) {
  return db
    .updateTable('pledge_photos')
    .set({ check_state: verdict.state, check_label: verdict.label, checked_at: sql`now()` })
    .where('check_trace', '=', trace)
    .where('check_state', '=', 'pending')
    .returning(['id', 'uploaded_by'])
    .executeTakeFirst()
}

/**
 * Photos older than a day that no pledge version, report, membership answer, activity
 * record, rider's difficulty or 监督共治 report refers to.
 */
export async function deleteOrphanPhotos(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('pledge_photos as ph')
    .where('ph.created_at', '<', sql<Date>`now() - interval '1 day'`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pledge_versions as v')
            .select(sql`1`.as('one'))
            .where(sql<boolean>`v.content->>'photoId' = ph.id::text`),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pledge_reports as r')
            .select(sql`1`.as('one'))
            .whereRef('r.photo_id', '=', 'ph.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('membership_events as e')
            .select(sql`1`.as('one'))
            .whereRef('e.photo_id', '=', 'ph.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('activity_photos as a')
            .select(sql`1`.as('one'))
            .whereRef('a.photo_id', '=', 'ph.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('difficulty_photos as d')
            .select(sql`1`.as('one'))
            .whereRef('d.photo_id', '=', 'ph.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('supervision_report_photos as s')
            .select(sql`1`.as('one'))
            .whereRef('s.photo_id', '=', 'ph.id'),
        ),
      ),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The check state of `photoId` if `userId` uploaded it (signed in); else undefined. */
export async function ownPhotoState(
  db: Db,
  photoId: string,
  userId: string,
): Promise<PhotoCheckState | undefined> {
  const photo = await db
    .selectFrom('pledge_photos')
    .select('check_state')
    .where('id', '=', photoId)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst()
  return photo?.check_state
}
