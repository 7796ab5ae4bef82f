import { Mobile } from '@djt/shared'
import Fastify, { type FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import t, { type Test } from 'tap'
import { z } from 'zod'
import appPlugin, { serverOptions } from '../src/app.ts'
import { ApiError } from '../src/http/errors.ts'
import { buildTestApp, freshConfig } from './helper.ts'

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

t.test(
  'database errors: a unique key met twice is 409, and logs never keep the values',
  async (t) => {
    const config = await freshConfig(t, { LOG_LEVEL: 'info' })
    const lines: string[] = []
    const options = serverOptions(config)
    const app = Fastify({
      ...options,
      logger: {
        ...(options.logger as object),
        stream: { write: (line: string) => lines.push(line) },
      },
    })
    await app.register(appPlugin, { config })
    t.teardown(() => app.close())
    const secret = '13912345678'
    const typed = app.withTypeProvider<ZodTypeProvider>()
    typed.post('/probe/people', async (request) => {
      const { mobile, birth } = request.body as { mobile: string; birth: string }
      await sql`insert into probe_people values (${mobile}, ${birth}::date)`.execute(app.db)
      return { ok: true }
    })
    await app.ready()
    await sql`create table probe_people (mobile text primary key, birth date)`.execute(app.db)
    const post = (body: object) =>
      app.inject({ method: 'POST', url: '/probe/people', payload: body })
    t.equal((await post({ mobile: secret, birth: '1990-01-01' })).statusCode, 200)
    const twice = await post({ mobile: secret, birth: '1990-01-01' })
    t.equal(twice.statusCode, 409, 'the same key twice is a conflict')
    t.equal(twice.json().error.code, 'conflict')
    const bad = await post({ mobile: '13800001111', birth: '张三的生日' })
    t.equal(bad.statusCode, 500, 'a cast the route did not guard is still a fault')
    const log = lines.join('\n')
    t.match(log, /probe_people_pkey/, 'the constraint is logged')
    t.match(log, /"code":"22007"/, 'the SQLSTATE is logged')
    for (const value of [secret, '1990-01-01', '张三的生日', '13800001111'])
      t.notOk(log.includes(value), `${value} is not in the log`)
  },
)
