import t from 'tap'
import type { Access } from '../src/auth/access.ts'
import { type Account, signInStaff } from './fixtures/accounts.ts'
import { buildTestApp } from './helper.ts'

// Every list that takes a region, found in the OpenAPI document rather than listed by hand:
// a new route with `?region=` is checked here the day it is added.

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[]
}

/** Public lists show public data: a region there narrows a search, it grants nothing. */
const PUBLIC_REGION_LISTS = ['GET /api/v1/places']
/** Values for the other parameters a region list may need. */
const SAMPLE_PARAMS: Record<string, string> = { format: 'csv' }

const COUNTY_A = '350102' // 福州市鼓楼区
const COUNTY_B = '350203' // 厦门市思明区
const CITY_A = '350100' // 福州市

t.test('every staff list with ?region= refuses a region outside the jurisdiction', async (t) => {
  const app = await buildTestApp(t)
  const county = await signInStaff(app, 'county.gl', 'county', COUNTY_A)
  const city = await signInStaff(app, 'city.fz', 'city', CITY_A)
  const spec = (await app.inject('/docs/json')).json()
  const accessOf = new Map(app.routeAccess.map((r) => [`${r.method} ${r.url}`, r.access]))

  const lists: { key: string; url: (region: string) => string }[] = []
  const publicOnes: string[] = []
  for (const [path, operations] of Object.entries<Record<string, Operation>>(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const params = operation.parameters ?? []
      if (!params.some((p) => p.in === 'query' && /region/i.test(p.name))) continue
      const key = `${method.toUpperCase()} ${path}`
      const access: Access | undefined = accessOf.get(
        `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      )
      t.ok(access, `${key} declares its access`)
      if (access === 'public') {
        publicOnes.push(key)
        continue
      }
      const missing = params.filter(
        (p) => (p.in === 'path' || p.required) && !/region/i.test(p.name) && !SAMPLE_PARAMS[p.name],
      )
      t.same(missing, [], `${key}: every other required parameter has a sample value`)
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PARAMS[name] ?? name)
      lists.push({ key, url: (region) => `${filled}?region=${region}` })
    }
  }
  t.same(publicOnes, PUBLIC_REGION_LISTS, 'public lists with a region are known and intended')
  // The enumeration itself must keep finding the lists, or every check below passes vacuously.
  const found = lists.map((list) => list.key)
  for (const known of [
    'GET /api/v1/staff/places',
    'GET /api/v1/ledgers',
    'GET /api/v1/review/memberships',
  ])
    t.ok(found.includes(known), `${known} is among the lists found`)
  t.ok(lists.length >= 14, `${lists.length} staff lists take a region`)

  const get = (who: Account, url: string) => app.inject({ url, headers: who.auth })
  for (const { key, url } of lists) {
    const outside = await get(county, url(COUNTY_B))
    t.equal(outside.statusCode, 403, `${key}: a county asking for another county`)
    t.match(
      outside.json().error,
      { code: 'forbidden', fields: [{ field: 'query.region', message: '该地区不在本辖区' }] },
      `${key}: the refusal names query.region`,
    )
    const above = await get(county, url(CITY_A))
    t.equal(above.statusCode, 403, `${key}: a county asking for its own city`)
    t.equal((await get(county, url(COUNTY_A))).statusCode, 200, `${key}: a county, its own county`)
    t.equal((await get(city, url(COUNTY_A))).statusCode, 200, `${key}: a city, a county inside it`)
    const malformed = await get(county, url('35010x'))
    t.equal(malformed.statusCode, 400, `${key}: a malformed region code`)
    t.match(malformed.json().error.fields, [{ field: 'query.region' }], `${key}: names the field`)
    const unknown = await get(county, url('359900'))
    t.equal(unknown.statusCode, 400, `${key}: a well-formed code that is no region`)
  }
})
