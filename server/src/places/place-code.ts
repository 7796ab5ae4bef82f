import { randomBytes } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A QR scene code: a one-letter prefix and random base62 characters (10 give about 59
 * bits), so codes reveal neither how many exist nor which came next. Uniqueness is the
 * caller's retry on the unique index.
 */
export function newSceneCode(prefix: string, length: number): string {
  const bytes = randomBytes(length * 2)
  let code = prefix
  // 248 = 4 × 62: dropping bytes above it keeps every character equally likely.
  for (const byte of bytes) {
    if (byte >= 248) continue
    code += BASE62[byte % 62]
    if (code.length === prefix.length + length) return code
  }
  return newSceneCode(prefix, length)
}

export const newPlaceCode = (): string => newSceneCode('p', 10)
