import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import {
  findRefreshToken,
  findRefreshTokenForUpdate,
  insertRefreshToken,
  markRotated,
  revokeFamily,
} from './refresh-tokens.repository.ts'

export const TOKEN_ISSUER = 'djt'
export const TOKEN_AUDIENCE = 'djt-api'

export interface IssuedTokens {
  accessToken: string
  expiresIn: number
  refreshToken: string
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

function signAccess(app: FastifyInstance, userId: string, role: 'user' | 'staff'): string {
  return app.jwt.sign({ role }, { sub: userId, expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS })
}

async function storeRefresh(
  app: FastifyInstance,
  db: Kysely<Database>,
  userId: string,
  familyId: string,
) {
  const token = randomBytes(32).toString('base64url')
  const expires = new Date(Date.now() + app.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000)
  await insertRefreshToken(db, { userId, familyId, hash: hashToken(token), expiresAt: expires })
  return token
}

/** A new sign-in: a new refresh-token family. */
export async function issueTokens(
  app: FastifyInstance,
  db: Kysely<Database>,
  userId: string,
  role: 'user' | 'staff',
): Promise<IssuedTokens> {
  const refreshToken = await storeRefresh(app, db, userId, randomUUID())
  return {
    accessToken: signAccess(app, userId, role),
    expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS,
    refreshToken,
  }
}

export type RotateResult =
  | { ok: true; userId: string; tokens: (role: 'user' | 'staff') => Promise<IssuedTokens> }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused'; userId?: string }

/**
 * Trades a refresh token for a new pair. A token already rotated once means it was
 * copied: the whole family is revoked, the thief's and the owner's sessions alike.
 */
export async function rotateRefresh(
  app: FastifyInstance,
  db: Kysely<Database>,
  token: string,
): Promise<RotateResult> {
  const row = await findRefreshTokenForUpdate(db, hashToken(token))
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.revoked_at) return { ok: false, reason: 'revoked', userId: row.user_id }
  if (row.rotated_at) {
    await revokeFamily(db, row.family_id)
    return { ok: false, reason: 'reused', userId: row.user_id }
  }
  if (row.expires_at.getTime() <= Date.now())
    return { ok: false, reason: 'expired', userId: row.user_id }
  await markRotated(db, row.id)
  return {
    ok: true,
    userId: row.user_id,
    tokens: async (role) => ({
      accessToken: signAccess(app, row.user_id, role),
      expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: await storeRefresh(app, db, row.user_id, row.family_id),
    }),
  }
}

/** Logout: revokes the family of this token (no error when it is unknown: already out). */
export async function revokeByToken(
  db: Kysely<Database>,
  token: string,
): Promise<string | undefined> {
  const row = await findRefreshToken(db, hashToken(token))
  if (row) await revokeFamily(db, row.family_id)
  return row?.user_id
}
