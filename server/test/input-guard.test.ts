import t from 'tap'
import { buildTestApp } from './helper.ts'

/** Routes anyone can call: the places the attack run found 500s on NUL bytes. */
t.test('a NUL byte anywhere is a 400 naming the field, on public routes', async (t) => {
  const app = await buildTestApp(t)
  const cases = [
    {
      what: 'staff sign-in username',
      request: {
        method: 'POST' as const,
        url: '/api/v1/auth/staff',
        payload: { username: 'demo\u0000.gulou', password: 'x' },
      },
      field: 'body.username',
    },
    {
      what: 'a plaque code in the path',
      request: { method: 'GET' as const, url: '/api/v1/public/pledges/c%00abc' },
      field: 'params.code',
    },
    {
      what: 'a query parameter',
      request: {
        method: 'GET' as const,
        url: '/api/v1/places/nearby?lat=26.08&lng=119.3&kinds=care_station%00',
      },
      field: 'query.kinds',
    },
    {
      what: 'a lone surrogate in a report text',
      request: {
        method: 'POST' as const,
        url: '/api/v1/public/pledges/cAAAAAAAAAAA/reports',
        payload: { text: 'half \ud83d of an emoji', deviceId: 'd'.repeat(16) },
      },
      field: 'body.text',
    },
  ]
  for (const { what, request, field } of cases) {
    const res = await app.inject(request)
    t.equal(res.statusCode, 400, `${what}: 400`)
    t.equal(res.json().error.code, 'validation_failed')
    t.same(
      res.json().error.fields.map((f: { field: string }) => f.field),
      [field],
      `${what}: names ${field}`,
    )
  }
})

t.test('a body nested thousands of levels deep is a 400, not a crash', async (t) => {
  const app = await buildTestApp(t)
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    headers: { 'content-type': 'application/json' },
    payload: deep,
  })
  t.equal(res.statusCode, 400)
  t.match(res.json().error.fields[0].message, /嵌套层级过深/)
  t.equal((await app.inject('/healthz')).statusCode, 200, 'the server still answers')
})

t.test('ordinary text with emoji and Chinese passes the guard', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username: '张三😀', password: 'not-the-password-1A!' },
  })
  t.equal(res.statusCode, 401, 'reaches the route, which refuses the credentials')
})

t.test('a JSON body that is not UTF-8 is a 400, not text with U+FFFD in it', async (t) => {
  const app = await buildTestApp(t)
  const bytes = Buffer.concat([
    Buffer.from('{"code":"dev:'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}'),
  ])
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/wechat',
    headers: { 'content-type': 'application/json' },
    payload: bytes,
  })
  t.equal(res.statusCode, 400)
  t.match(res.json().error, { code: 'validation_failed', fields: [{ field: 'body' }] })
  const proto = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/wechat',
    headers: { 'content-type': 'application/json' },
    payload: '{"code":"dev:x","__proto__":{"admin":true}}',
  })
  t.equal(proto.statusCode, 400, 'a __proto__ key is still refused by Fastify’s parser')
  const fine = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/wechat',
    payload: { code: 'dev:utf8-王' },
  })
  t.equal(fine.statusCode, 200, 'UTF-8 bodies parse as before')
})
