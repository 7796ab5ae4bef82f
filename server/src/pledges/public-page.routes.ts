import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { readMeta } from '../meta/meta.repository.ts'
import { DEMO_META_KEY } from '../seed/demo.seed.ts'
import { pledgeCodeLookup } from './code-lookup.ts'
import { publicPledge } from './public.service.ts'
import { malformedPage, type PageContext, pledgePage, unknownPage } from './public-page.ts'

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
  const lookUp = pledgeCodeLookup(app)
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
      const found = await lookUp(request, request.params.code)
      if (found.row) return pledgePage(await publicPledge(app.db, found.row), await context())
      const { failure } = found
      if (failure.kind === 'unknown')
        return reply.status(404).send(unknownPage(failure.code, failure.message, await context()))
      return reply
        .status(failure.kind === 'malformed' ? 400 : 429)
        .send(malformedPage(failure.message, await context()))
    },
  )
}

export default publicPageRoutes
