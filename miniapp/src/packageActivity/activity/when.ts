import { chinaDateTime } from '@djt/shared'

/** `2026-07-01 09:00–11:00`, or both ends in full when it runs past midnight. */
export function timeSpan(startsAt: string, endsAt: string): string {
  const start = chinaDateTime(startsAt)
  const end = chinaDateTime(endsAt)
  return start.slice(0, 10) === end.slice(0, 10)
    ? `${start}–${end.slice(11)}`
    : `${start} 至 ${end}`
}

/** Seconds until the code is replaced, never below zero (the clock may run ahead). */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000))
}

/** When to ask for the next code: at its expiry, but at least 1 s and at most 30 s from now. */
export function refreshDelay(expiresAt: string, now: number): number {
  return Math.min(30_000, Math.max(1000, Date.parse(expiresAt) - now + 200))
}
