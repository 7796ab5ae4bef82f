import { Me, PrivacyNotice } from '@djt/shared'
import { del, get, post } from './http'
import { download, fetchToDevice } from './transfer'

export type { Me, PrivacyNotice } from '@djt/shared'

export function fetchMe(): Promise<Me> {
  return get('/me', Me)
}

export function fetchPrivacyNotice(): Promise<PrivacyNotice> {
  return get('/privacy-notice', PrivacyNotice)
}

export function acceptPrivacyNotice(version: string): Promise<Me> {
  return post('/me/privacy-consent', { version }, Me)
}

const MY_DATA = '/me/data.xlsx'

/** Everything held about me (PIPL export) as a workbook with Chinese labels, saved by the browser. */
export function downloadMyData(fileName: string): Promise<void> {
  return download(MY_DATA, fileName)
}

/** The same workbook on the phone (a temporary path in WeChat), for openDocument. */
export function fetchMyData(): Promise<string> {
  return fetchToDevice(MY_DATA)
}

/** Cancels a mini-program user's account; the server erases it and ends every session. */
export function cancelAccount(): Promise<null> {
  return del('/me')
}
