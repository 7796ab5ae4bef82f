import { MALFORMED_CODE_MESSAGE, readPledgeCode } from '@djt/shared'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DEVICE_HEADER } from '../devices/device-tokens.plugin.ts'
import { ApiError } from '../http/errors.ts'
import { findPledgeByTypedCode } from './pledges.repository.ts'
import { verdictOf } from './pledges.view.ts'
import { unknownCodeGuard } from './unknown-codes.ts'

const WINDOW_MS = 10 * 60_000

export type LookupFailure =
  | { kind: 'malformed'; message: string }
  | { kind: 'unknown'; code: string; message: string }
  | { kind: 'too_many'; message: string }

/**
 * Finds the pledge a scanned or typed code names, for the API and the plain-QR page alike.
 *
 * - The code is read as people type it (readPledgeCode); what cannot be a code at all is
 *   `malformed` ("查验码格式不对，请核对"), never "forged".
 * - A code that names a pledge is always answered: no limit ever blocks a real plaque.
 * - Unknown codes are what a guesser produces, so they are counted: per device first
 *   (the signed device token, or the signed-in account), and per IP only loosely, since
 *   a market's customers share their carrier's few addresses.
 */
export function pledgeCodeLookup(app: FastifyInstance) {
  const { PUBLIC_UNKNOWN_CODES_PER_DEVICE: perDevice, PUBLIC_UNKNOWN_CODES_PER_IP: perIp } =
    app.config
  const devices = unknownCodeGuard(app.redis, perDevice, WINDOW_MS)
  const addresses = unknownCodeGuard(app.redis, perIp, WINDOW_MS)
  const deviceOf = (request: FastifyRequest) => {
    if (request.caller.kind !== 'anonymous') return `account:${request.caller.id}`
    const id = app.deviceTokens.verify(request.headers[DEVICE_HEADER])
    return id ? `device:${id}` : null
  }
  const over = async (guard: typeof devices, key: string) =>
    (await guard.blocked(key)) || (await guard.miss(key))

  return async function lookUp(request: FastifyRequest, typed: string) {
    const read = readPledgeCode(typed)
    if (read.kind === 'malformed')
      return { failure: { kind: 'malformed', message: MALFORMED_CODE_MESSAGE } as LookupFailure }
    const row = await findPledgeByTypedCode(app.db, read)
    if (row) return { row }
    const device = deviceOf(request)
    const tooMany =
      (device !== null && (await over(devices, device))) ||
      (await over(addresses, `ip:${request.ip}`))
    const failure: LookupFailure = tooMany
      ? { kind: 'too_many', message: '查询太频繁，请10分钟后再试' }
      : { kind: 'unknown', code: read.code, message: verdictOf(undefined).reason ?? '查无此承诺牌' }
    return { failure }
  }
}

/** A failed lookup as the API answers it. */
export function lookupError(failure: LookupFailure): ApiError {
  switch (failure.kind) {
    case 'malformed':
      return new ApiError(400, 'validation_failed', failure.message, [
        { field: 'params.code', message: failure.message },
      ])
    case 'too_many':
      return new ApiError(429, 'rate_limited', failure.message)
    case 'unknown':
      return new ApiError(404, 'not_found', failure.message)
  }
}
