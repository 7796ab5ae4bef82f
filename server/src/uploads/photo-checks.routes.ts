import { ErrorBody } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { BinaryFile } from '../http/binary.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { aesKeyOf, MediaCheckEvent, openPush, PushQuery, verifyPushUrl } from '../wechat/push.ts'
import { recordMediaCheck } from './photo-checks.service.ts'
import { findPhoto } from './photos.repository.ts'
import { sendPhoto } from './photos.routes.ts'

const tags = ['wechat']
/** WeChat pushes a verdict per photo and retries thrice; far under this from one address. */
const PUSHES_PER_IP = { max: 600, timeWindow: 60_000, skipOnError: true }
const Text = z.string().describe('text')

/**
 * WeChat's side of the image check: the link it downloads a photo by, and the message push
 * it answers through. Both need no sign-in; the link is signed by us, the push by WeChat.
 */
const photoChecksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app
  const keys = config.WECHAT_PUSH_TOKEN
    ? {
        token: config.WECHAT_PUSH_TOKEN,
        appId: config.WECHAT_APPID ?? '',
        ...(config.WECHAT_PUSH_AES_KEY ? { aesKey: aesKeyOf(config.WECHAT_PUSH_AES_KEY) } : {}),
      }
    : null
  const notConfigured = () => new ApiError(404, 'not_found', '未配置微信消息推送')
  const refused = (reason: string) => {
    app.log.warn({ reason }, 'a WeChat push was refused')
    return new ApiError(401, 'unauthorized', '消息推送签名无效')
  }
  // WeChat may send the JSON as text/plain: read it as JSON here all the same.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)))
    } catch {
      done(new ApiError(400, 'validation_failed', '消息不是 JSON'), undefined)
    }
  })

  app.get(
    '/wechat/media/:token',
    {
      config: { access: 'public', rateLimit: PUSHES_PER_IP },
      schema: {
        tags,
        summary: "A photo for WeChat's image check to download (a signed link, good for an hour)",
        params: z.object({
          token: z.string().regex(/^[0-9a-f]{32}\.\d{1,12}\.[A-Za-z0-9_-]{22}$/),
        }),
        response: { 200: BinaryFile, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const photoId = app.photoChecks.links.photoOf(request.params.token, new Date())
      const photo = photoId ? await findPhoto(app.db, photoId) : undefined
      if (!photo) throw notFound('照片')
      return sendPhoto(reply, photo)
    },
  )

  app.get(
    '/wechat/push',
    {
      config: { access: 'public', rateLimit: PUSHES_PER_IP },
      schema: {
        tags,
        summary: "WeChat's check of the push URL: echoes echostr to a signed request",
        querystring: PushQuery,
        response: { 200: Text, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!keys) throw notConfigured()
      const echo = verifyPushUrl(keys, request.query, new Date())
      if (echo === null) throw refused('url check unsigned or stale')
      return reply.type('text/plain; charset=utf-8').send(echo)
    },
  )

  app.post(
    '/wechat/push',
    {
      config: { access: 'public', rateLimit: PUSHES_PER_IP },
      schema: {
        tags,
        summary: 'WeChat message push (JSON, 明文 or 安全模式): image-check verdicts',
        querystring: PushQuery,
        body: z.unknown(),
        response: { 200: Text, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!keys) throw notConfigured()
      const opened = openPush(keys, request.query, request.body, new Date())
      if (!opened.ok) throw refused(opened.reason)
      const event = MediaCheckEvent.safeParse(opened.message)
      // Other events (none subscribed yet) are taken and ignored, as WeChat expects.
      if (event.success) {
        const photo = await recordMediaCheck(app.db, event.data)
        request.log.info(
          { trace: event.data.trace_id, photo: photo?.id, suggest: event.data.result?.suggest },
          photo ? 'image check verdict recorded' : 'image check verdict for no pending photo',
        )
      }
      return reply.type('text/plain; charset=utf-8').send('success')
    },
  )
}

export default photoChecksRoutes
