import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const STEP_SECONDS = 30
const DIGITS = 6

/** RFC 4648 base32 without padding, as authenticator apps expect. */
export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let value = 0
  let bits = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += ALPHABET[(value >>> bits) & 31]
    }
    value &= (1 << bits) - 1
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out
}

/** Case-insensitive; spaces and '=' are ignored because people copy secrets in groups. */
export function base32Decode(text: string): Buffer {
  const bytes: number[] = []
  let value = 0
  let bits = 0
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const index = ALPHABET.indexOf(char)
    if (index < 0) throw new Error(`invalid base32 character "${char}"`)
    value = ((value << 5) | index) & 0xfff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      bytes.push((value >>> bits) & 0xff)
    }
  }
  return Buffer.from(bytes)
}

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20))
}

/** RFC 4226 HOTP with HMAC-SHA1 and dynamic truncation. */
export function hotp(secret: Uint8Array, counter: bigint | number, digits = DIGITS): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', secret).update(message).digest()
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

export function timeStep(timeMs: number): number {
  return Math.floor(timeMs / 1000 / STEP_SECONDS)
}

/** RFC 6238 TOTP: HOTP over the number of 30-second steps since the Unix epoch. */
export function totp(secretBase32: string, timeMs = Date.now(), digits = DIGITS): string {
  return hotp(base32Decode(secretBase32), timeStep(timeMs), digits)
}

export type TotpCheck = { timeMs?: number; window?: number; lastUsedStep?: number }
export type TotpResult = { ok: true; step: number } | { ok: false }

/**
 * Accepts the current step ± window (clock drift), never a step at or before lastUsedStep,
 * so a code seen once cannot be replayed; the caller stores the returned step.
 */
export function verifyTotp(secretBase32: string, code: string, check: TotpCheck = {}): TotpResult {
  const { timeMs = Date.now(), window = 1, lastUsedStep } = check
  const typed = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(typed)) return { ok: false }
  const secret = base32Decode(secretBase32)
  const current = timeStep(timeMs)
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0 || (lastUsedStep !== undefined && step <= lastUsedStep)) continue
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(typed))) {
      return { ok: true, step }
    }
  }
  return { ok: false }
}

export type OtpauthInput = { secret: string; account: string; issuer?: string }

/** Key URI for the QR code; encodeURIComponent rather than URLSearchParams, whose '+' for
 * spaces some authenticator apps show literally. */
export function otpauthUrl({ secret, account, issuer = '党建通' }: OtpauthInput): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const query = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DIGITS}`,
    `period=${STEP_SECONDS}`,
  ].join('&')
  return `otpauth://totp/${label}?${query}`
}
