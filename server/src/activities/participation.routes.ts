import {
  ActivityIdParams,
  ActivityPointQuery,
  ErrorBody,
  MemberActivityDetail,
  MemberActivityList,
  MyActivityList,
  NearbyActivityQuery,
  PlaceParams,
  SignInRequest,
  SignInResult,
} from '@djt/shared'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { userCaller } from '../auth/caller.ts'
import { notFound } from '../http/errors.ts'
import { toActivity, toMemberActivity } from './activities.view.ts'
import { signIn } from './attendance.service.ts'
import {
  branchActivities,
  memberActivity,
  myActivities,
  nearbyActivities,
} from './member-activities.repository.ts'
import { memberOf, signUp, verifiedMember, withdraw } from './participation.service.ts'
import { signInCodesOf } from './sign-in-code.ts'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['activities']

/** Members find activities, sign up, and sign in at the venue. Nothing here is compulsory. */
const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const codes = signInCodesOf(app.config)

  app.get(
    '/activities/nearby',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Upcoming activities open to me near a point (the point is not stored)',
        querystring: NearbyActivityQuery,
        response: { 200: MemberActivityList, ...errors },
      },
    },
    async (request) => {
      const member = await memberOf(app.db, userCaller(request))
      const rows = await nearbyActivities(app.db, member, request.query, app.clock())
      return { items: rows.map((row) => toMemberActivity(row, true)) }
    },
  )

  app.get(
    '/places/:id/activities',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: "A branch's upcoming activities, and whether each is open to me",
        params: PlaceParams,
        response: { 200: MemberActivityList, ...errors },
      },
    },
    async (request) => {
      const member = await memberOf(app.db, userCaller(request))
      const rows = await branchActivities(app.db, member, request.params.id, app.clock())
      return { items: rows.map((row) => toMemberActivity(row, row.open_to_me)) }
    },
  )

  app.get(
    '/activities/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'One activity as my page shows it: open to me, my sign-up, my attendance',
        params: ActivityIdParams,
        querystring: ActivityPointQuery,
        response: { 200: MemberActivityDetail, ...errors },
      },
    },
    async (request) => {
      const member = await memberOf(app.db, userCaller(request))
      const row = await memberActivity(app.db, member, request.params.id, request.query)
      if (!row) throw notFound('活动')
      return {
        ...toMemberActivity(row, row.open_to_me),
        attendedAt: row.attended_at ? row.attended_at.toISOString() : null,
      }
    },
  )

  app.get(
    '/activities/mine',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Activities I signed up for or attended, cancelled ones with their reason',
        response: { 200: MyActivityList, ...errors },
      },
    },
    async (request) => {
      const membership = await verifiedMember(app.db, userCaller(request))
      const rows = await myActivities(app.db, membership.id)
      return {
        items: rows.map((row) => ({
          ...toActivity(row),
          signedUpByMe: row.signup_state === 'active',
          attendedAt: row.attended_at ? row.attended_at.toISOString() : null,
        })),
      }
    },
  )

  app.post(
    '/activities/:id/signup',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Sign up for an activity open to me',
        params: ActivityIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => signUp(trx, caller, request.params.id, app.clock(), context))
      return reply.status(204).send(null)
    },
  )

  app.delete(
    '/activities/:id/signup',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Withdraw my sign-up before the activity starts',
        params: ActivityIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      await app.db
        .transaction()
        .execute((trx) => withdraw(trx, caller, request.params.id, app.clock(), context))
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/activities/:id/sign-in',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Sign in at the venue with its current code (no location is stored)',
        params: ActivityIdParams,
        body: SignInRequest,
        response: { 200: SignInResult, 201: SignInResult, ...errors },
      },
    },
    async (request, reply) => {
      const caller = userCaller(request)
      const context = { requestId: request.id, ip: request.ip }
      const now = app.clock()
      const result = await app.db
        .transaction()
        .execute((trx) =>
          signIn(trx, caller, request.params.id, request.body.code, codes, now, context),
        )
      return reply.status(result.first ? 201 : 200).send({
        message: result.first ? '签到成功' : '已签到',
        first: result.first,
        at: result.at.toISOString(),
      })
    },
  )
}

export default participationRoutes
