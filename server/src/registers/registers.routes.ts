import { Readable } from 'node:stream'
import {
  ErrorBody,
  RegisterImportList,
  RegisterImportParams,
  RegisterImportReport,
  RegisterKindParams,
} from '@djt/shared'
import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staffCaller } from '../auth/caller.ts'
import { notFound } from '../http/errors.ts'
import { IMPORTS_PER_IP } from '../shared-state/limit-store.ts'
import { spoolUpload } from '../uploads/upload.ts'
import { importRegister } from './import.ts'
import { findImport, listImports } from './registers.repository.ts'
import { importReport, rejectsCsv, templateCsv, toRegisterImport } from './registers.service.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
const csv = { content: { 'text/csv': { schema: z.string() } } }
const CSV_TYPE = 'text/csv; charset=utf-8'

/** Registers staff import to check self-reported entries: upload, reports, templates. */
const registersRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = app.config.REGISTER_IMPORT_MAX_BYTES
  // Here, not app-wide: only this route takes files, and only up to this size.
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20 },
  })

  app.post(
    '/registers/:kind/imports',
    {
      config: { access: { staff: 'county' }, rateLimit: IMPORTS_PER_IP },
      handlerTimeout: app.config.REGISTER_IMPORT_TIMEOUT_MS,
      schema: {
        tags: ['registers'],
        summary: 'Import a register file (CSV or XLSX, field "file"), all rows or none',
        consumes: ['multipart/form-data'],
        params: RegisterKindParams,
        response: {
          201: RegisterImportReport,
          413: ErrorBody,
          415: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const caller = staffCaller(request)
      // A million rows outlast the idle-socket timeout while nothing is sent back.
      // (inject's stand-in socket has no timer.)
      request.socket.setTimeout?.(app.config.REGISTER_IMPORT_TIMEOUT_MS)
      const upload = await spoolUpload(request, maxBytes)
      try {
        const importId = await importRegister(app.db, {
          kind: request.params.kind,
          upload,
          caller,
          cipher: app.cipher,
          requestId: request.id,
          ip: request.ip,
          onProgress: (id, rows) =>
            request.log.info({ importId: id, rows }, 'register import progress'),
        })
        return reply.status(201).send(await importReport(app.db, caller, importId))
      } finally {
        await upload.close()
      }
    },
  )

  app.get(
    '/registers/imports',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['registers'],
        summary: 'Register imports in my jurisdiction, newest first',
        response: { 200: RegisterImportList, ...errors },
      },
    },
    async (request) => ({
      items: (await listImports(app.db, staffCaller(request), 50)).map(toRegisterImport),
    }),
  )

  app.get(
    '/registers/imports/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['registers'],
        summary: 'One import with its first 1,000 rejected rows',
        params: RegisterImportParams,
        response: { 200: RegisterImportReport, ...errors },
      },
    },
    async (request) => importReport(app.db, staffCaller(request), request.params.id),
  )

  app.get(
    '/registers/imports/:id/rejects.csv',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['registers'],
        summary: 'Every rejected row of an import (line, column, reason) as CSV',
        produces: ['text/csv'],
        params: RegisterImportParams,
        response: { 200: csv, ...errors },
      },
    },
    async (request, reply) => {
      const found = await findImport(app.db, staffCaller(request), request.params.id)
      if (!found) throw notFound('导入记录')
      return (
        reply
          .type(CSV_TYPE)
          .header('content-disposition', `attachment; filename="rejects-${found.id}.csv"`)
          // A stream is sent as is; the schema describes the text it produces.
          .send(Readable.from(rejectsCsv(app.db, found.id)) as unknown as string)
      )
    },
  )

  app.get(
    '/registers/:kind/template.csv',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['registers'],
        summary: 'An empty register file with the right headers, to fill in',
        produces: ['text/csv'],
        params: RegisterKindParams,
        response: { 200: csv, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .type(CSV_TYPE)
        .header('content-disposition', `attachment; filename="${request.params.kind}.csv"`)
        .send(templateCsv(request.params.kind)),
  )
}

export default registersRoutes
