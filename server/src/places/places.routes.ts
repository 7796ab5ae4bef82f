import {
  ErrorBody,
  NearbyQuery,
  PlaceCodeParams,
  PlaceDetail,
  PlaceInput,
  PlacePage,
  PlaceParams,
  PlaceSearchQuery,
  regionPath,
  UpdatePlaceRequest,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { notFound } from '../http/errors.ts'
import { decodePlaceCursor, page } from '../kernel/keyset-cursor.ts'
import { localMoment } from './hours.ts'
import { nearbyPlaces } from './nearby.repository.ts'
import { findOpenPlace, findPlaceInScope, searchPlaces } from './places.repository.ts'
import { createPlace, editPlace } from './places.service.ts'
import { toPlaceDetail, toPlaceSummary } from './places.view.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const tags = ['places']

/** Stations, canteens and branches: found by anyone, kept by staff of their jurisdiction. */
const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places/nearby',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Open places near a point (GCJ-02), nearest first, within radius or (nearest=true) however far; the point is not kept',
        querystring: NearbyQuery,
        response: { 200: PlacePage, ...errors },
      },
      // The busiest public route: its answer is built by typed code (toPlaceSummary), so
      // it is written as JSON directly instead of being re-checked by zod on every call.
      // The schema still documents it, and the tests parse answers with PlacePage.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const now = app.clock()
      const moment = localMoment(now)
      const query = request.query
      const rows = await nearbyPlaces(app.db, query, now, decodePlaceCursor(query.after))
      const { shown, next } = page(rows, query.limit, (row) => String(row.chord))
      return { items: shown.map((row) => toPlaceSummary(row, moment)), next }
    },
  )

  app.get(
    '/places',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Open places in a region or matching a keyword, by name',
        querystring: PlaceSearchQuery,
        response: { 200: PlacePage, ...errors },
      },
    },
    async (request) => {
      const now = app.clock()
      const moment = localMoment(now)
      const { region, after, ...search } = request.query
      const rows = await searchPlaces(
        app.db,
        { ...search, regionPath: region ? regionPath(region) : undefined },
        now,
        { after: decodePlaceCursor(after) },
      )
      const { shown, next } = page(rows, search.limit, (row) => row.name)
      return { items: shown.map((row) => toPlaceSummary(row, moment)), next }
    },
  )

  app.get(
    '/places/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One open place',
        params: PlaceParams,
        response: { 200: PlaceDetail, ...errors },
      },
    },
    async (request) => {
      const row = await findOpenPlace(app.db, { id: request.params.id })
      if (!row) throw notFound('场所')
      return toPlaceDetail(row, app.clock())
    },
  )

  app.get(
    '/places/code/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "One open place by its QR code's scene",
        params: PlaceCodeParams,
        response: { 200: PlaceDetail, ...errors },
      },
    },
    async (request) => {
      const row = await findOpenPlace(app.db, { code: request.params.code })
      if (!row) throw notFound('场所')
      return toPlaceDetail(row, app.clock())
    },
  )

  app.post(
    '/places',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Add a place in a county of my jurisdiction',
        body: PlaceInput,
        response: { 201: PlaceDetail, ...errors },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const row = await app.db.transaction().execute(async (trx) => {
        const id = await createPlace(trx, caller, request.body, context)
        return findPlaceInScope(trx, caller, id)
      })
      if (!row) throw notFound('场所')
      return reply.status(201).send(toPlaceDetail(row, app.clock()))
    },
  )

  app.patch(
    '/places/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags,
        summary: 'Edit a place, or suspend, reopen or close it',
        params: PlaceParams,
        body: UpdatePlaceRequest,
        response: { 200: PlaceDetail, ...errors },
      },
    },
    async (request) => {
      const caller = staffCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const row = await app.db.transaction().execute(async (trx) => {
        await editPlace(trx, caller, request.params.id, request.body, context)
        return findPlaceInScope(trx, caller, request.params.id)
      })
      if (!row) throw notFound('场所')
      return toPlaceDetail(row, app.clock())
    },
  )
}

export default placesRoutes
