import { randomBytes } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A place's QR scene code: 'p' and 10 random base62 characters (about 59 bits), so codes
 * reveal neither how many places exist nor which came next. Uniqueness is the caller's
 * retry on the unique index.
 */
export function newPlaceCode(): string {
  const bytes = randomBytes(20)
  let code = 'p'
  // 248 = 4 × 62: dropping bytes above it keeps every character equally likely.
  for (const byte of bytes) {
    if (byte >= 248) continue
    code += BASE62[byte % 62]
    if (code.length === 11) return code
  }
  return newPlaceCode()
}
