import { AcceptPrivacyRequest, ErrorBody, Me, PrivacyNotice } from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository.ts'
import { signedInCaller } from '../auth/caller.ts'
import { describeUser } from '../auth/sessions.ts'
import { BinaryFile } from '../http/binary.ts'
import { ApiError } from '../http/errors.ts'
import type { MembershipRow } from '../memberships/memberships.repository.ts'
import { maskedSecrets } from '../memberships/memberships.view.ts'
import { acceptPrivacy, collectPersonalData, eraseUser } from './me.repository.ts'
import { type PersonalData, personalDataXlsx } from './personal-data-xlsx.ts'
import { PRIVACY_NOTICE } from './privacy-notice.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The person's own account and their PIPL rights: see, export, consent, cancel. */
const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/privacy-notice',
    {
      config: { access: 'public' },
      schema: {
        tags: ['me'],
        summary: 'The current privacy notice',
        response: { 200: PrivacyNotice },
      },
    },
    async () => PRIVACY_NOTICE,
  )

  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['me'], summary: 'Who am I', response: { 200: Me, 401: ErrorBody } },
    },
    (request) => describeUser(app.db, signedInCaller(request).id),
  )

  app.post(
    '/me/privacy-consent',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['me'],
        summary: 'Accept the current privacy notice',
        body: AcceptPrivacyRequest,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => {
      if (request.body.version !== PRIVACY_NOTICE.version) {
        throw new ApiError(400, 'validation_failed', '隐私保护指引已更新，请阅读最新版本后再同意', [
          { field: 'body.version', message: `当前版本为 ${PRIVACY_NOTICE.version}` },
        ])
      }
      const id = signedInCaller(request).id
      await app.db.transaction().execute(async (trx) => {
        await acceptPrivacy(trx, id, PRIVACY_NOTICE.version)
        await recordAudit(trx, {
          actorId: id,
          actorRole: request.caller.kind === 'staff' ? 'staff' : 'user',
          action: 'privacy.accept',
          outcome: 'success',
          targetId: PRIVACY_NOTICE.version,
          requestId: request.id,
        })
      })
      return describeUser(app.db, id)
    },
  )

  /** Everything held; ciphertexts and blind indexes mean nothing to a person: masked values. */
  const personalData = async (userId: string): Promise<PersonalData> => {
    const { memberships, ...data } = await collectPersonalData(app.db, userId)
    const registrations = memberships.map(
      ({ mobile_enc, mobile_bi, id_number_enc, id_number_bi, ...row }) => ({
        ...row,
        ...maskedSecrets(app.cipher, { ...row, mobile_enc, id_number_enc } as MembershipRow),
      }),
    )
    return { ...data, memberships: registrations }
  }

  app.get(
    '/me/data',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['me'],
        summary: 'Everything held about me, as JSON (PIPL export)',
        response: { 200: z.record(z.string(), z.unknown()), 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const data = await personalData(signedInCaller(request).id)
      reply.header('content-disposition', 'attachment; filename="my-data.json"')
      return { exportedAt: new Date().toISOString(), ...data }
    },
  )

  app.get(
    '/me/data.xlsx',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['me'],
        summary: 'The same export as a workbook a person can read: Chinese headers, local time',
        response: { 200: BinaryFile, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      const file = await personalDataXlsx(
        await personalData(signedInCaller(request).id),
        new Date(),
      )
      const name = encodeURIComponent('我的数据.xlsx')
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${name}`)
        .send(file)
    },
  )

  app.delete(
    '/me',
    {
      config: { access: 'user' },
      schema: {
        tags: ['me'],
        summary: 'Cancel my account: personal data erased now',
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const id = signedInCaller(request).id
      await app.db.transaction().execute(async (trx) => {
        await eraseUser(trx, id)
        await recordAudit(trx, {
          actorId: id,
          actorRole: 'user',
          action: 'account.cancel',
          outcome: 'success',
          requestId: request.id,
        })
      })
      return reply.status(204).send(null)
    },
  )
}

export default meRoutes
