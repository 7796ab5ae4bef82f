import { Mobile } from '@djt/shared'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import t, { type Test } from 'tap'
import { z } from 'zod'
import { ApiError } from '../src/http/errors.ts'
import { buildTestApp } from './helper.ts'

/** Routes that exist only in this test, to drive the one error handler. */
async function appWithProbeRoutes(t: Test): Promise<FastifyInstance> {
  const app = await buildTestApp(t, { BODY_LIMIT_BYTES: '2048' })
  const typed = app.withTypeProvider<ZodTypeProvider>()
  typed.post(
    '/probe',
    {
      schema: {
        body: z.object({ name: z.string().min(1), mobile: Mobile, age: z.number().int() }),
      },
    },
    async (request) => ({ ok: request.body.name }),
  )
  typed.get('/probe/crash', async () => {
    throw new Error('secret connection string postgres://admin:hunter2@db')
  })
  typed.get('/probe/refuse', async () => {
    throw new ApiError(409, 'conflict', '已经提交过了')
  })
  return app
}

t.test('unknown routes answer the error body with 404, not HTML', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject('/api/v1/no-such-thing?lat=26.1')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /application\/json/)
  t.equal(res.json().error.code, 'route_not_found')
  t.match(res.json().error.message, /GET \/api\/v1\/no-such-thing$/)
})

t.test('validation errors name every bad field, in Chinese', async (t) => {
  const app = await appWithProbeRoutes(t)
  const res = await app.inject({
    method: 'POST',
    url: '/probe',
    payload: { name: '', mobile: '12345', age: 'x' },
  })
  t.equal(res.statusCode, 400)
  const { error } = res.json()
  t.equal(error.code, 'validation_failed')
  t.same(error.fields.map((f: { field: string }) => f.field).sort(), [
    'body.age',
    'body.mobile',
    'body.name',
  ])
  for (const field of error.fields)
    t.match(field.message, /[\u4e00-\u9fff]/, `${field.field} message is Chinese`)
  t.match(error.message, /body\.mobile/)
})

t.test('a body that is not JSON is refused clearly', async (t) => {
  const app = await appWithProbeRoutes(t)
  const res = await app.inject({
    method: 'POST',
    url: '/probe',
    headers: { 'content-type': 'application/json' },
    payload: '{"name": ',
  })
  t.equal(res.statusCode, 400)
  t.equal(res.json().error.code, 'validation_failed')
})

t.test('an oversized body gets 413', async (t) => {
  const app = await appWithProbeRoutes(t)
  const res = await app.inject({
    method: 'POST',
    url: '/probe',
    payload: { name: 'x'.repeat(5000), mobile: '13800000000', age: 1 },
  })
  t.equal(res.statusCode, 413)
  t.equal(res.json().error.code, 'payload_too_large')
})

t.test('5xx hides internals and carries the request id', async (t) => {
  const app = await appWithProbeRoutes(t)
  const res = await app.inject('/probe/crash')
  t.equal(res.statusCode, 500)
  t.equal(res.json().error.code, 'internal_error')
  t.notMatch(res.body, /hunter2|postgres|secret/)
  t.equal(res.json().error.requestId, res.headers['x-request-id'])
})

t.test('errors thrown on purpose pass through with their code', async (t) => {
  const app = await appWithProbeRoutes(t)
  const res = await app.inject('/probe/refuse')
  t.equal(res.statusCode, 409)
  t.same(res.json().error.code, 'conflict')
  t.same(res.json().error.message, '已经提交过了')
})
