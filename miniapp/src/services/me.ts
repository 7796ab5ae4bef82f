import { Me, PrivacyNotice } from '@djt/shared'
import { z } from 'zod'
import { del, get, post } from './http'

export type { Me, PrivacyNotice } from '@djt/shared'

/** The export is whatever the server holds; only its top level is known here. */
export const PersonalData = z.record(z.string(), z.unknown())
export type PersonalData = z.infer<typeof PersonalData>

export function fetchMe(): Promise<Me> {
  return get('/me', Me)
}

export function fetchPrivacyNotice(): Promise<PrivacyNotice> {
  return get('/privacy-notice', PrivacyNotice)
}

export function acceptPrivacyNotice(version: string): Promise<Me> {
  return post('/me/privacy-consent', { version }, Me)
}

/** Everything held about the caller (PIPL export). */
export function exportMyData(): Promise<PersonalData> {
  return get('/me/data', PersonalData)
}

/** Cancels a mini-program user's account; the server erases it and ends every session. */
export function cancelAccount(): Promise<null> {
  return del('/me')
}
