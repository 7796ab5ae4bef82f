import { ErrorBody, PlaceDetail, PlacePage, PlaceParams, PlaceSearchQuery } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { regionInScope } from '../auth/region-scope.ts'
import { notFound } from '../http/errors.ts'
import { decodePlaceCursor, page } from '../kernel/keyset-cursor.ts'
import { localMoment } from './hours.ts'
import { findPlaceInScope, searchPlaces } from './places.repository.ts'
import { toPlaceDetail, toPlaceSummary } from './places.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['places']

/** What staff keep: every place of their jurisdiction, suspended and closed ones too. */
const staffPlacesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff/places',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Places in my jurisdiction, suspended and closed ones too, by name',
        querystring: PlaceSearchQuery,
        response: { 200: PlacePage, ...errors },
      },
    },
    async (request) => {
      const now = app.clock()
      const moment = localMoment(now)
      const { region, after, ...search } = request.query
      const staff = staffCaller(request)
      // Another jurisdiction's region is refused, not answered with an empty list.
      const within = region ? await regionInScope(app.db, staff, region) : undefined
      const rows = await searchPlaces(app.db, { ...search, regionPath: within?.path }, now, {
        after: decodePlaceCursor(after),
        staff,
      })
      const { shown, next } = page(rows, search.limit, (row) => row.name)
      return { items: shown.map((row) => toPlaceSummary(row, moment)), next }
    },
  )

  app.get(
    '/staff/places/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'One place of my jurisdiction, whatever its status (to edit or reopen it)',
        params: PlaceParams,
        response: { 200: PlaceDetail, ...errors },
      },
    },
    async (request) => {
      const row = await findPlaceInScope(app.db, staffCaller(request), request.params.id)
      if (!row) throw notFound('场所')
      return toPlaceDetail(row, app.clock())
    },
  )
}

export default staffPlacesRoutes
