import type { Me } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { notFound } from '../http/errors.ts'
import { findRegion } from '../regions/regions.repository.ts'
import { type IssuedTokens, issueTokens } from './tokens.ts'
import { type AccountRow, findAccount } from './users.repository.ts'

/** The profile a signed-in person sees of themselves (GET /me, and with every session). */
export async function describeAccount(db: Kysely<Database>, account: AccountRow): Promise<Me> {
  const privacy =
    account.privacy_version && account.privacy_accepted_at
      ? { version: account.privacy_version, acceptedAt: account.privacy_accepted_at.toISOString() }
      : null
  if (account.role === 'user' || !account.region_code || !account.username || !account.level) {
    return {
      id: account.id,
      role: 'user',
      displayName: account.display_name,
      kind: account.kind,
      staff: null,
      privacy,
    }
  }
  const region = await findRegion(db, account.region_code)
  if (!region) throw notFound('行政区划')
  return {
    id: account.id,
    role: 'staff',
    displayName: account.display_name,
    kind: null,
    staff: {
      username: account.username,
      level: account.level,
      region: {
        code: region.code,
        name: region.name,
        level: region.level,
        parentCode: region.parent_code,
        path: region.path,
      },
      stationName: account.station_name,
      mfaEnabled: account.totp_enabled === true,
    },
    privacy,
  }
}

export async function describeUser(db: Kysely<Database>, userId: string): Promise<Me> {
  const account = await findAccount(db, userId)
  if (!account) throw notFound('账号')
  return describeAccount(db, account)
}

export async function startSession(
  app: FastifyInstance,
  db: Kysely<Database>,
  userId: string,
): Promise<IssuedTokens & { user: Me }> {
  const user = await describeUser(db, userId)
  const tokens = await issueTokens(app, db, userId, user.role)
  return { ...tokens, user }
}
