import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import { DEVICE_TOKEN } from '@djt/shared'

export interface DeviceTokens {
  /** A new token: 16 random bytes and their signature, `<id>.<signature>` in base64url. */
  issue(): string
  /** The id inside a token this server signed; null for anything else. */
  verify(token: unknown): string | null
}

/** A separate label, so no other use of the secret ever yields a device signature. */
const KEY_LABEL = 'djt device token v1'

/**
 * Device tokens signed with a key derived from `secret` (the JWT secret): a phone cannot
 * make up new ids to escape the per-device limits, it must ask the server, which limits
 * how many an IP gets. Rotating the secret voids every token; clients then fetch a new one.
 */
export function createDeviceTokens(
  secret: string,
  hash: 'sha256' | 'sm3' = 'sha256',
): DeviceTokens {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_LABEL, 32))
  const sign = (id: string) => createHmac(hash, key).update(id, 'utf8').digest('base64url')
  return {
    issue() {
      const id = randomBytes(16).toString('base64url')
      return `${id}.${sign(id)}`
    },
    verify(token) {
      if (typeof token !== 'string' || !DEVICE_TOKEN.test(token)) return null
      const [id = '', signature = ''] = token.split('.')
      // Comparing the text, not decoded bytes: a non-canonical encoding of a good
      // signature is refused too, so each id has exactly one valid token.
      const expected = Buffer.from(sign(id))
      return timingSafeEqual(expected, Buffer.from(signature)) ? id : null
    },
  }
}
