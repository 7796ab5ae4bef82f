import { ErrorBody, PlaceImportQuery, PlaceImportReport } from '@djt/shared'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { staffCaller } from '../auth/caller.ts'
import { IMPORTS_PER_IP } from '../shared-state/limit-store.ts'
import { spoolUpload } from '../uploads/upload.ts'
import { importPlaces } from './places.import.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** County staff load a list of stations (CSV, XLSX or GeoJSON) in one go. */
const placesImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.config.REGISTER_IMPORT_MAX_BYTES
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20 },
  })

  app.post(
    '/places/imports',
    {
      config: { access: { staff: 'county' }, rateLimit: IMPORTS_PER_IP },
      handlerTimeout: app.config.REGISTER_IMPORT_TIMEOUT_MS,
      schema: {
        tags: ['places'],
        summary: 'Import places (CSV, XLSX or GeoJSON, field "file"), all rows or none',
        consumes: ['multipart/form-data'],
        querystring: PlaceImportQuery,
        response: {
          201: PlaceImportReport,
          413: ErrorBody,
          415: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      request.socket.setTimeout?.(app.config.REGISTER_IMPORT_TIMEOUT_MS)
      const upload = await spoolUpload(request, maxBytes)
      try {
        const report = await importPlaces(app.db, {
          upload,
          crs: request.query.crs,
          caller: staffCaller(request),
          requestId: request.id,
          ip: request.ip,
        })
        return reply.status(201).send(report)
      } finally {
        await upload.close()
      }
    },
  )
}

export default placesImportRoutes
