import t from 'tap'
import { findRegion, upsertRegions } from '../src/regions/regions.repository.ts'
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

t.test('a region read once is kept until the region list is written again', async (t) => {
  const app = await buildTestApp(t)
  await app.ready()
  const gulou = await findRegion(app.db, '350102')
  t.equal(gulou?.name, '鼓楼区')
  t.equal(await findRegion(app.db, '350102'), gulou, 'the second read is the region kept')
  t.ok(Object.isFrozen(gulou), 'and nobody can change it in place')
  t.equal(await findRegion(app.db, '990000'), undefined, 'a code that does not exist is none')
  await upsertRegions(app.db, [
    {
      code: '350102',
      name: '鼓楼区（新）',
      level: 'county',
      parentCode: '350100',
      path: '350000.350100.350102',
    },
  ])
  t.equal((await findRegion(app.db, '350102'))?.name, '鼓楼区（新）', 'a new list is read afresh')
  await t.rejects(
    app.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('regions')
        .set({ name: '鼓楼区（事务）' })
        .where('code', '=', '350102')
        .execute()
      t.equal(
        (await findRegion(trx, '350102'))?.name,
        '鼓楼区（事务）',
        'a transaction reads its own',
      )
      throw new Error('roll back')
    }),
    /roll back/,
  )
  t.equal(
    (await findRegion(app.db, '350102'))?.name,
    '鼓楼区（新）',
    'and the region kept is unchanged',
  )
})
