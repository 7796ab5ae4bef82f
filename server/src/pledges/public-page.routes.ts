import { MALFORMED_CODE_MESSAGE, readPledgeCode } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { readMeta } from '../meta/meta.repository.ts'
import { DEMO_META_KEY } from '../seed/demo.seed.ts'
import { findPledgeByTypedCode } from './pledges.repository.ts'
import { verdictOf } from './pledges.view.ts'
import { publicPledge } from './public.service.ts'
import { malformedPage, type PageContext, pledgePage, unknownPage } from './public-page.ts'
import { unknownCodeGuard } from './unknown-codes.ts'

const HTML_TYPE = 'text/html; charset=utf-8'
const html = { content: { 'text/html': { schema: z.string() } } }
const LOOKUPS_PER_IP = { max: 120, timeWindow: 60_000, skipOnError: true }

/**
 * `/p/<code>`: what a plaque's plain QR code opens in any phone's browser (the WeChat scan
 * opens the mini-program page instead). Server-rendered, so the verdict arrives in the
 * first response; every answer is `no-cache`, since a revocation must show on the next
 * scan. The code is read as people type it (readPledgeCode).
 */
const publicPageRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = unknownCodeGuard(app.redis, app.config.PUBLIC_UNKNOWN_CODES_PER_IP, 10 * 60_000)
  let demo: boolean | undefined
  const context = async (): Promise<PageContext> => {
    demo ??= (await readMeta(app.db, DEMO_META_KEY)) !== undefined
    return { demo }
  }

  app.get(
    '/p/:code',
    {
      config: { access: 'public', rateLimit: LOOKUPS_PER_IP },
      schema: {
        tags: ['public'],
        summary: "A pledge's live status as an HTML page (what the plaque's plain QR opens)",
        params: z.object({ code: z.string().max(200) }),
        produces: ['text/html'],
        response: { 200: html, 400: html, 404: html, 429: html },
      },
    },
    async (request, reply) => {
      reply.type(HTML_TYPE).header('cache-control', 'no-cache')
      const read = readPledgeCode(request.params.code)
      if (read.kind === 'malformed')
        return reply.status(400).send(malformedPage(MALFORMED_CODE_MESSAGE, await context()))
      const row = await findPledgeByTypedCode(app.db, read)
      if (row) return pledgePage(await publicPledge(app.db, row), await context())
      const reason = verdictOf(undefined).reason ?? '查无此承诺牌'
      if ((await guard.blocked(request.ip)) || (await guard.miss(request.ip)))
        return reply.status(429).send(malformedPage('查询太频繁，请10分钟后再试', await context()))
      return reply.status(404).send(unknownPage(read.code, reason, await context()))
    },
  )
}

export default publicPageRoutes
