/**
 * Plaque codes are random, but a scanner of guesses could still try many: after `max`
 * unknown codes from one IP within the window, that IP gets 429 for every code, known or
 * not, until the window passes. Kept in memory: one server process counts its own guesses.
 */
export function createUnknownCodeGuard(max: number, windowMs: number, capacity = 50_000) {
  const misses = new Map<string, { count: number; since: number }>()
  const current = (ip: string, now: number) => {
    const entry = misses.get(ip)
    if (!entry || now - entry.since >= windowMs) return undefined
    return entry
  }
  return {
    blocked(ip: string, now = Date.now()): boolean {
      return (current(ip, now)?.count ?? 0) >= max
    },
    miss(ip: string, now = Date.now()): void {
      const entry = current(ip, now)
      if (entry) {
        entry.count += 1
        return
      }
      // Forget the oldest IP rather than grow without bound under a spread-out scan.
      if (misses.size >= capacity) misses.delete(misses.keys().next().value as string)
      misses.delete(ip)
      misses.set(ip, { count: 1, since: now })
    },
  }
}
