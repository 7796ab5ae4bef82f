import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

type Db = Kysely<Database>

export async function insertRefreshToken(
  db: Db,
  token: { userId: string; familyId: string; hash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({
      user_id: token.userId,
      family_id: token.familyId,
      token_hash: token.hash,
      expires_at: token.expiresAt,
    })
    .execute()
}

/** The token's row, locked: two refreshes with one token race for it. */
export function findRefreshTokenForUpdate(db: Db, hash: string) {
  return db
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst()
}

export function findRefreshToken(db: Db, hash: string) {
  return db
    .selectFrom('refresh_tokens')
    .select(['family_id', 'user_id'])
    .where('token_hash', '=', hash)
    .executeTakeFirst()
}

export async function markRotated(db: Db, id: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ rotated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function revokeFamily(db: Db, familyId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute()
}

export async function revokeAllForUser(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()
}
