import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { SIGN_IN_WINDOW_SECONDS } from '@djt/shared'

/** A separate label, so no other use of the secret ever yields a sign-in code. */
const KEY_LABEL = 'djt activity sign-in v1'
const PREFIX = 'djta1'
const CODE = /^djta1\.([0-9a-f]{32})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'unreadable' | 'forged' | 'other_activity' | 'stale' }

export interface SignInCodes {
  /** The code the organiser's phone shows now, and when the next one replaces it. */
  current(activityId: string, now: Date): { code: string; expiresAt: Date }
  /** Good when this server signed it, for this activity, in this window or the one before. */
  check(code: string, activityId: string, now: Date): CodeCheck
}

const windowOf = (now: Date) => Math.floor(now.getTime() / 1000 / SIGN_IN_WINDOW_SECONDS)
const compact = (uuid: string) => uuid.replaceAll('-', '').toLowerCase()

/**
 * Codes bound to an activity and a 30-second window by an HMAC under a key derived from
 * the server's secret: a photo of the QR passed on after its window, or a code made up
 * for another activity, does not verify. No location is involved.
 */
export function createSignInCodes(secret: string, hash: 'sha256' | 'sm3' = 'sha256'): SignInCodes {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_LABEL, 32))
  const mac = (id: string, window: number) =>
    createHmac(hash, key).update(`${id}.${window}`).digest().subarray(0, 16).toString('base64url')
  return {
    current(activityId, now) {
      const window = windowOf(now)
      const id = compact(activityId)
      return {
        code: `${PREFIX}.${id}.${window}.${mac(id, window)}`,
        expiresAt: new Date((window + 1) * SIGN_IN_WINDOW_SECONDS * 1000),
      }
    },
    check(code, activityId, now) {
      const parts = CODE.exec(code)
      if (!parts) return { ok: false, reason: 'unreadable' }
      const [, id = '', windowText = '', signature = ''] = parts
      const window = Number(windowText)
      const expected = Buffer.from(mac(id, window))
      if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'forged' }
      if (id !== compact(activityId)) return { ok: false, reason: 'other_activity' }
      const age = windowOf(now) - window
      if (age < 0) return { ok: false, reason: 'forged' }
      if (age > 1) return { ok: false, reason: 'stale' }
      return { ok: true }
    },
  }
}

/** Keyed like the device tokens: SM3 when the field cipher is SM4, else SHA-256. */
export function signInCodesOf(config: { JWT_SECRET: string; FIELD_CIPHER: string }) {
  return createSignInCodes(config.JWT_SECRET, config.FIELD_CIPHER === 'sm4' ? 'sm3' : 'sha256')
}
