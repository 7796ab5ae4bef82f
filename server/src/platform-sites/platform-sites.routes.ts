import {
  ErrorBody,
  PlatformSite,
  PlatformSiteInput,
  PlatformSiteList,
  PlatformSiteParams,
  PlatformSiteQuery,
  UpdatePlatformSiteRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { workRegion } from '../regions/record-region.ts'
import { findSite, listSites, SITE_LIST_LIMIT } from './platform-sites.repository.ts'
import { changeSite, createSite, sameNameOpen } from './platform-sites.service.ts'
import { toPlatformSite } from './platform-sites.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['platform sites']
const contextOf = (request: { id: string; ip: string }) => ({
  requestId: request.id,
  ip: request.ip,
})

/** Delivery platforms' local sites (站点) and their Party organisation, for the riders ledger. */
const platformSitesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/platform-sites',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Platform sites under a region of my jurisdiction (all of it by default)',
        querystring: PlatformSiteQuery,
        response: { 200: PlatformSiteList, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const region = await workRegion(app.db, caller, request.query.region, {
        levels: ['province', 'city', 'county'],
        field: 'query.region',
      })
      const rows = await listSites(app.db, caller, {
        regionPath: region.path,
        platform: request.query.platform,
        status: request.query.status,
      })
      const items = rows.slice(0, SITE_LIST_LIMIT).map(toPlatformSite)
      return { items, truncated: rows.length > SITE_LIST_LIMIT }
    },
  )

  app.post(
    '/platform-sites',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Record a platform site in a county of my jurisdiction',
        body: PlatformSiteInput,
        response: { 201: PlatformSite, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const site = await app.db
        .transaction()
        .execute(async (trx) => {
          const id = await createSite(trx, caller, request.body, contextOf(request))
          return findSite(trx, id)
        })
        .catch(sameNameOpen('body.name'))
      return reply.status(201).send(toPlatformSite(site))
    },
  )

  app.patch(
    '/platform-sites/:id',
    {
      config: { access: { staff: 'county' } },
      schema: {
        tags,
        summary: 'Correct a platform site, close or reopen it',
        params: PlatformSiteParams,
        body: UpdatePlatformSiteRequest,
        response: { 200: PlatformSite, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const { id } = request.params
      const site = await app.db
        .transaction()
        .execute(async (trx) => {
          await changeSite(trx, caller, id, request.body, contextOf(request))
          return findSite(trx, id)
        })
        .catch(sameNameOpen(request.body.site ? 'body.site.name' : 'body.status'))
      return toPlatformSite(site)
    },
  )
}

export default platformSitesRoutes
