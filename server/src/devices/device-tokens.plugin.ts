import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../http/errors.ts'
import { createDeviceTokens, type DeviceTokens } from './device-token.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Issues and checks the signed device tokens of anonymous ratings and reports. */
    deviceTokens: DeviceTokens
  }
}

export const DEVICE_HEADER = 'x-device-id'

/** Keyed like the blind index: SM3 when the field cipher is SM4, else SHA-256. */
export default fp(
  async (app) => {
    const hash = app.config.FIELD_CIPHER === 'sm4' ? 'sm3' : 'sha256'
    app.decorate('deviceTokens', createDeviceTokens(app.config.JWT_SECRET, hash))
  },
  { name: 'device-tokens', decorators: { fastify: ['config'] } },
)

/**
 * Who the daily feedback limits count for, as stored: the blind index of a signed-in
 * account, or else of the device id inside a token this server issued. Anything else is
 * refused with `device_unrecognized`; the mini-program then fetches a token and retries.
 */
export function feedbackDevice(request: FastifyRequest): string {
  const { caller, server } = request
  if (caller.kind !== 'anonymous') return server.cipher.blindIndex('device', `account:${caller.id}`)
  const header = request.headers[DEVICE_HEADER]
  const id = server.deviceTokens.verify(header)
  if (id) return server.cipher.blindIndex('device', id)
  const message =
    header === undefined
      ? '缺少本机标识（请求头 x-device-id），请刷新页面后重试'
      : '本机标识（请求头 x-device-id）无效，请刷新页面后重试'
  throw new ApiError(401, 'device_unrecognized', message, [
    { field: `headers.${DEVICE_HEADER}`, message },
  ])
}
