// Partial display of identifiers in lists and logs, in the form Chinese users know
// (3502**********1234, 138****5678). Anything else shows at most a quarter at each end.
import { normalizeMobile, normalizeResidentId } from './normalize.ts'

function maskMiddle(chars: string[], head: number, tail: number): string {
  const hidden = chars.length - head - tail
  return (
    chars.slice(0, head).join('') + '*'.repeat(hidden) + chars.slice(chars.length - tail).join('')
  )
}

/** Same number of characters at each end, never more than half of the input in all. */
function maskQuarters(chars: string[]): string {
  const keep = Math.floor(chars.length / 4)
  return maskMiddle(chars, keep, keep)
}

/** 18- and 15-digit IDs keep the first 4 (province, city) and the last 4. */
export function maskResidentId(id: string): string {
  const chars = [...normalizeResidentId(id)]
  return chars.length === 18 || chars.length === 15 ? maskMiddle(chars, 4, 4) : maskQuarters(chars)
}

/** An 11-digit mobile keeps its 3-digit network prefix and the last 4 digits. */
export function maskMobile(mobile: string): string {
  const chars = [...normalizeMobile(mobile)]
  return chars.length === 11 ? maskMiddle(chars, 3, 4) : maskQuarters(chars)
}
