import t from 'tap'
import { buildTestApp } from './helper.ts'

t.test('regions: provinces, children, one county with its ancestors', async (t) => {
  const app = await buildTestApp(t)
  const provinces = (await app.inject('/api/v1/regions')).json().items
  t.equal(provinces.length, 31)
  t.ok(
    provinces.some(
      (p: { code: string; name: string }) => p.code === '350000' && p.name === '福建省',
    ),
  )

  const fuzhou = (await app.inject('/api/v1/regions?parent=350100')).json().items
  t.ok(
    fuzhou.some((c: { code: string; name: string }) => c.code === '350102' && c.name === '鼓楼区'),
  )
  t.ok(
    fuzhou.every(
      (c: { level: string; parentCode: string }) =>
        c.level === 'county' && c.parentCode === '350100',
    ),
  )

  const gulou = await app.inject('/api/v1/regions/350102')
  t.equal(gulou.statusCode, 200)
  t.same(
    gulou.json().ancestors.map((a: { code: string }) => a.code),
    ['350000', '350100'],
  )
})

t.test('regions carry an ltree path usable for subtree queries', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const inFuzhou = await app.db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb('path', '<@', eb.val('350000.350100')))
    .executeTakeFirstOrThrow()
  const children = (await app.inject('/api/v1/regions?parent=350100')).json().items.length
  t.equal(inFuzhou.n, children + 1, 'Fuzhou subtree = the city and its counties')
})

t.test('an unknown region is 404, a malformed one names the field', async (t) => {
  const app = await buildTestApp(t)
  const missing = await app.inject('/api/v1/regions/359999')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().error.code, 'not_found')
  const malformed = await app.inject('/api/v1/regions/35')
  t.equal(malformed.statusCode, 400)
  t.equal(malformed.json().error.fields[0].field, 'params.code')
})
