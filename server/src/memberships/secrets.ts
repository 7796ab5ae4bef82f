import type { MembershipDraft } from '@djt/shared'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import { nearIdIndexes } from '../evidence/linkage/near-index.ts'
import { jsonArray } from '../kernel/json-array.ts'
import type { MembershipRow } from './memberships.repository.ts'

/** Mobile and ID number as this change leaves them: null = none. */
export interface Secrets {
  mobile: string | null
  idNumber: string | null
}

/**
 * Takes mobile and ID number out of the form (they never go into the jsonb). Left out =
 * keep the stored value, so an edit need not retype them; an empty string removes one.
 */
export function splitSecrets(
  cipher: FieldCipher,
  draft: MembershipDraft,
  current: MembershipRow | undefined,
): { form: MembershipDraft; secrets: Secrets } {
  const { mobile, idNumber, ...form } = draft
  const pick = (typed: unknown, stored: string | null | undefined): string | null => {
    if (typeof typed === 'string') return typed.trim() === '' ? null : typed
    return stored ? cipher.decrypt(stored) : null
  }
  return {
    form,
    secrets: {
      mobile: pick(mobile, current?.mobile_enc),
      idNumber: pick(idNumber, current?.id_number_enc),
    },
  }
}

/** Ciphertext plus blind index: exact matching without ever storing the plain value. */
export function sealSecrets(cipher: FieldCipher, secrets: Secrets) {
  return {
    mobile_enc: secrets.mobile === null ? null : cipher.encrypt(secrets.mobile),
    mobile_bi: secrets.mobile === null ? null : cipher.blindIndex('mobile', secrets.mobile),
    id_number_enc: secrets.idNumber === null ? null : cipher.encrypt(secrets.idNumber),
    id_number_bi:
      secrets.idNumber === null ? null : cipher.blindIndex('resident_id', secrets.idNumber),
    id_number_near_bi:
      secrets.idNumber === null ? null : jsonArray(nearIdIndexes(cipher, secrets.idNumber)),
  }
}
