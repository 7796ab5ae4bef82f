import t from 'tap'
import { callers, matrix, matrixSetup } from './fixtures/matrix.ts'
import { buildTestApp } from './helper.ts'

t.test('every route answers each kind of caller as the matrix says', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const registered = app.routeAccess.map((route) => `${route.method} ${route.url}`)
  t.same(
    registered.filter((key) => !matrix[key]),
    [],
    'every registered route has a row in the matrix',
  )
  t.same(
    Object.keys(matrix).filter((key) => !registered.includes(key)),
    [],
    'no row names a route that is gone',
  )

  const { accounts, ids } = await matrixSetup(app)
  for (const [key, row] of Object.entries(matrix)) {
    const got = []
    for (const caller of callers) {
      const headers = caller === 'anonymous' ? {} : accounts[caller].auth
      const options = row.request(ids)
      const res = await app.inject({ ...options, headers: { ...options.headers, ...headers } })
      got.push(res.statusCode)
    }
    t.same(got, row.expect, key)
  }
})
