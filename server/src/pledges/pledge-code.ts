import { randomBytes } from 'node:crypto'
import { CODE_ALPHABET, CODE_PREFIX, CODE_RANDOM_LENGTH, checkCharacter } from '@djt/shared'

/**
 * A new plaque code (see shared/src/pledge-code.ts): 13 random base-32 characters, each
 * from the low 5 bits of one random byte (256 is a multiple of 32, so none is likelier).
 * Uniqueness is the caller's retry against the unique index.
 */
export function newPledgeCode(): string {
  let body = CODE_PREFIX
  for (const byte of randomBytes(CODE_RANDOM_LENGTH)) body += CODE_ALPHABET[byte & 31]
  return body + checkCharacter(body)
}
