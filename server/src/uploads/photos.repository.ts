import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema.ts'

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
    .select(['mime', 'bytes'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function photoExists(db: Db, photoId: string): Promise<boolean> {
  const row = await db
    .selectFrom('pledge_photos')
    .select('id')
    .where('id', '=', photoId)
    .executeTakeFirst()
  return row !== undefined
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

/** Whether `photoId` names a photo `userId` uploaded (signed in). */
export async function isOwnPhoto(db: Db, photoId: string, userId: string): Promise<boolean> {
  const photo = await db
    .selectFrom('pledge_photos')
    .select('id')
    .where('id', '=', photoId)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst()
  return photo !== undefined
}
