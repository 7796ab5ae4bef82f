import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PhotoCheckState } from '../pledges/pledges.table.ts'
import type { MediaCheckEvent } from '../wechat/push.ts'
import { markPhotoPending, ownPhotoState, recordPhotoVerdict } from './photos.repository.ts'

type Db = Kysely<Database>

/** How long the link WeChat downloads a photo by stays good: it fetches within seconds. */
export const MEDIA_LINK_SECONDS = 3600
const KEY_LABEL = 'djt media check link v1'
const LINK = /^([0-9a-f]{32})\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/

/**
 * The one-off links WeChat's image check downloads a photo by: the photo id and an expiry
 * under an HMAC with a key derived from the server's secret, so the link names one photo for
 * an hour and cannot be made up for another.
 */
export function createMediaLinks(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), KEY_LABEL, 32))
  const mac = (id: string, expires: number) =>
    createHmac('sha256', key)
      .update(`${id}.${expires}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url')
  return {
    token(photoId: string, now: Date): string {
      const id = photoId.replaceAll('-', '').toLowerCase()
      const expires = Math.floor(now.getTime() / 1000) + MEDIA_LINK_SECONDS
      return `${id}.${expires}.${mac(id, expires)}`
    },
    /** The photo id a link names, or null when it is forged, malformed or expired. */
    photoOf(token: string, now: Date): string | null {
      const [, id = '', expiresText = '', signature = ''] = LINK.exec(token) ?? []
      if (!id) return null
      const expected = Buffer.from(mac(id, Number(expiresText)))
      if (!timingSafeEqual(expected, Buffer.from(signature))) return null
      if (Number(expiresText) < now.getTime() / 1000) return null
      return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`
    },
  }
}
export type MediaLinks = ReturnType<typeof createMediaLinks>

export type MediaCheck = (mediaUrl: string, openid: string, scene: 1 | 2 | 3 | 4) => Promise<string>

export interface PhotoCheckDeps {
  db: Db
  /** null when WeChat is not live or no push token is set: no verdict could ever arrive. */
  mediaCheck: MediaCheck | null
  links: MediaLinks
  publicBaseUrl: string
  warn: (error: unknown, message: string) => void
}

/**
 * Sends a new photo to WeChat's image check when its uploader has an openid (WeChat needs
 * one); the photo is then pending until the verdict is pushed. Without WeChat, or when the
 * call fails, it stays unchecked: a person sees it before anything shows it to the public,
 * and the upload is never lost to WeChat being down.
 */
export async function startPhotoCheck(
  deps: PhotoCheckDeps,
  photoId: string,
  openid: string | null,
): Promise<PhotoCheckState> {
  if (!deps.mediaCheck || !openid) return 'unchecked'
  const url = `${deps.publicBaseUrl}/api/v1/wechat/media/${deps.links.token(photoId, new Date())}`
  try {
    const trace = await deps.mediaCheck(url, openid, 3)
    await markPhotoPending(deps.db, photoId, trace)
    return 'pending'
  } catch (error) {
    deps.warn(error, 'mediaCheckAsync failed; the photo stays unchecked for a person to see')
    return 'unchecked'
  }
}

const STATES = { pass: 'passed', review: 'review', risky: 'rejected' } as const

/**
 * A wxa_media_check push: the pending photo with that trace takes the verdict. A push
 * without a result (WeChat could not read the image) leaves it unchecked, for a person.
 */
export function recordMediaCheck(db: Db, event: MediaCheckEvent) {
  const verdict = event.result
    ? { state: STATES[event.result.suggest], label: event.result.label }
    : { state: 'unchecked' as const, label: null }
  return recordPhotoVerdict(db, event.trace_id, verdict)
}

/**
 * Why `photoId` may not go on what `userId` submits, in words for them (`name` is how the
 * field calls it, e.g. 第2张照片); null when it may. A photo still being checked may: a
 * verdict that comes later hides it then.
 */
export async function ownPhotoRefusal(
  db: Db,
  photoId: string,
  userId: string,
  name = '照片',
): Promise<string | null> {
  const state = await ownPhotoState(db, photoId, userId)
  if (!state) return `${name}不存在或不是你上传的`
  if (state === 'rejected') return `${name}未通过微信内容安全检测，请换一张`
  return null
}
