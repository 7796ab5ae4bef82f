// An ID number one slip away from the one typed: one digit of the first 17 replaced or
// two neighbours swapped, the check character then recomputed (a form that refused the
// slip is often "fixed" by changing the last character). Only valid IDs — check
// character, a real birth date, a known region — are candidates, so each can be
// blind-indexed and looked up like the exact value: no decryption, no scan.
import { isValidResidentId, residentIdCheckChar } from '@djt/shared'

/** At most this many candidates are kept (a valid ID yields about a hundred). */
export const MAX_CORRECTIONS = 200

export function residentIdCorrections(id: string, today: Date = new Date()): string[] {
  if (!/^\d{17}[\dX]$/.test(id)) return []
  const body = id.slice(0, 17)
  const found = new Set<string>()
  const consider = (candidate: string) => {
    const full = candidate + residentIdCheckChar(candidate)
    if (full !== id && isValidResidentId(full, today)) found.add(full)
  }
  for (let i = 0; i < 17; i++) {
    for (let digit = 0; digit <= 9; digit++) {
      const replaced = `${body.slice(0, i)}${digit}${body.slice(i + 1)}`
      if (replaced !== body) consider(replaced)
    }
    if (i < 16 && body[i] !== body[i + 1])
      consider(`${body.slice(0, i)}${body[i + 1]}${body[i]}${body.slice(i + 2)}`)
  }
  // A wrong check character alone: the body as typed with its own check character.
  consider(body)
  return [...found].slice(0, MAX_CORRECTIONS)
}
