const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** base64url → text; WeChat has no atob, and the payload of our JWTs is ASCII JSON. */
function decodeBase64Url(input: string): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const char of input) {
    const index = BASE64URL.indexOf(char)
    if (index < 0) break
    value = (value << 6) | index
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out += String.fromCharCode((value >> bits) & 0xff)
    }
  }
  return out
}

/** When an access token expires (ms since epoch), read from its `exp`; undefined if unreadable. */
export function tokenExpiresAt(token: string): number | undefined {
  try {
    const payload = JSON.parse(decodeBase64Url(token.split('.')[1] ?? '')) as { exp?: unknown }
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined
  } catch {
    return undefined
  }
}

/**
 * Refresh a little before expiry rather than after a 401: a request in flight then never
 * fails for an old token, and two H5 tabs rarely race on the same expired one.
 */
export const REFRESH_AHEAD_MS = 60_000

export function expiresSoon(token: string, now = Date.now()): boolean {
  const at = tokenExpiresAt(token)
  return at !== undefined && at - now < REFRESH_AHEAD_MS
}
