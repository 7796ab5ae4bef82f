import { ErrorBody, RegionDetail, RegionList, RegionListQuery, RegionParams } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../http/errors.ts'
import { findRegion, findRegions, listRegions } from './regions.repository.ts'

type RegionRow = {
  code: string
  name: string
  level: 'province' | 'city' | 'county'
  parent_code: string | null
}
const toRegion = (row: RegionRow) => ({
  code: row.code,
  name: row.name,
  level: row.level,
  parentCode: row.parent_code,
})

/** Public GB/T 2260 lookups: the county picker used when location is refused. */
const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: 'Children of a region, or the provinces',
        querystring: RegionListQuery,
        response: { 200: RegionList, 400: ErrorBody },
      },
    },
    async (request) => {
      const rows = await listRegions(app.db, request.query.parent ?? null)
      return { items: rows.map(toRegion) }
    },
  )
  app.get(
    '/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: 'One region with its ancestors',
        params: RegionParams,
        response: { 200: RegionDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const region = await findRegion(app.db, request.params.code)
      if (!region) throw notFound('行政区划')
      const ancestorCodes = region.path.split('.').slice(0, -1)
      const ancestors = await findRegions(app.db, ancestorCodes)
      return { ...toRegion(region), ancestors: ancestors.map(toRegion) }
    },
  )
}

export default regionRoutes
