import { ErrorBody, PhotoCreated } from '@djt/shared'
import multipart from '@fastify/multipart'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { findOpenid } from '../auth/users.repository.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { photoType } from './image-type.ts'
import { asUploadError } from './malformed.ts'
import { startPhotoCheck } from './photo-checks.service.ts'
import { findPhoto, insertPhoto, PUBLIC_CHECK_STATES } from './photos.repository.ts'

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024
const PHOTO_PER_IP_PER_10_MIN = 20

async function readPhoto(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw new ApiError(415, 'unsupported_media_type', '请以 multipart/form-data 上传照片')
  const part = await request.file().catch((error: unknown) => {
    throw asUploadError(error)
  })
  if (part?.fieldname !== 'file')
    throw new ApiError(400, 'validation_failed', '请选择照片', [
      { field: 'file', message: '请选择照片' },
    ])
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new ApiError(413, 'payload_too_large', '照片不能超过2 MB', [
        { field: 'file', message: '照片不能超过2 MB' },
      ])
    throw asUploadError(error)
  })
  return bytes
}

/**
 * A stall photo with a pledge or a photo with a report: anyone may send one (reports are
 * anonymous), so it is rate-limited and must really be a JPEG or PNG. The signed-in caller
 * is recorded as its uploader: only they may put it on a pledge. One nobody refers to is
 * deleted after a day (see deleteOrphanPhotos in photos.repository.ts). A signed-in
 * uploader's photo goes to WeChat's image check when WeChat is live (photo-checks.service).
 */
const photosRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 2, parts: 3 },
  })
  app.post(
    '/photos',
    {
      config: {
        access: 'public',
        // Fails closed: an upload stores bytes, and without the shared count nothing bounds it.
        rateLimit: { max: PHOTO_PER_IP_PER_10_MIN, timeWindow: 600_000, skipOnError: false },
      },
      schema: {
        tags: ['pledges'],
        summary: 'Upload a photo (JPEG or PNG, ≤ 2 MB, field "file") for a pledge or a report',
        consumes: ['multipart/form-data'],
        response: {
          201: PhotoCreated,
          400: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const bytes = await readPhoto(request)
      const mime = photoType(bytes)
      if (!mime)
        throw new ApiError(400, 'validation_failed', '只能上传 JPG 或 PNG 照片', [
          { field: 'file', message: '只能上传 JPG 或 PNG 照片' },
        ])
      // Kept so a pledge can show only its owner's photos; a report's may be anonymous.
      const uploadedBy = request.caller.kind === 'anonymous' ? null : request.caller.id
      const photo = await insertPhoto(app.db, { mime, bytes, uploadedBy })
      const openid = uploadedBy ? await findOpenid(app.db, uploadedBy) : null
      await startPhotoCheck(app.photoChecks, photo.id, openid)
      return reply.status(201).send(photo)
    },
  )
}

export default photosRoutes

/**
 * A stored photo for an answer, or 404; also 404 for one WeChat's image check rejected,
 * which is shown to no one. `audience: 'public'` also withholds one still being checked
 * or sent to review: the public sees only unchecked and passed photos.
 */
export async function photoReply(
  db: Kysely<Database>,
  id: string | null | undefined,
  audience: 'staff' | 'public' = 'staff',
) {
  const photo = id ? await findPhoto(db, id) : undefined
  if (!photo) throw new ApiError(404, 'not_found', '照片不存在')
  if (photo.check_state === 'rejected')
    throw new ApiError(404, 'not_found', '照片未通过微信内容安全检测，不予显示')
  if (audience === 'public' && !PUBLIC_CHECK_STATES.includes(photo.check_state))
    throw new ApiError(404, 'not_found', '照片正在检测，稍后可见')
  return photo
}

/** A photo as the answer: its own type; cached only when public (a stall's pledge photo). */
export function sendPhoto(
  reply: FastifyReply,
  photo: { mime: string; bytes: Uint8Array },
  cache: 'private' | 'public' = 'private',
) {
  return reply
    .type(photo.mime)
    .header('cache-control', cache === 'public' ? 'public, max-age=300' : 'private, no-store')
    .send(Buffer.from(photo.bytes))
}
