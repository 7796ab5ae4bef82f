import type { FieldCipher } from '../../crypto/field-cipher.ts'
import { residentIdCorrections } from './id-corrections.ts'

/**
 * Characters of a blind index kept per correction: a hundred full indexes per entry would
 * outweigh the entry, and 12 characters still make a chance collision negligible.
 */
export const NEAR_PREFIX = 12

/** Computed where the plain ID is at hand (submission), stored beside its blind index. */
export function nearIdIndexes(cipher: FieldCipher, idNumber: string): string[] {
  return residentIdCorrections(idNumber).map((candidate) =>
    cipher.blindIndex('resident_id', candidate).slice(0, NEAR_PREFIX),
  )
}
