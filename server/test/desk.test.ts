import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { DEMO_STAFF_PASSWORD } from '../src/staff/staff.demo-seed.ts'
import { buildTestApp } from './helper.ts'

// The desk's pending figures stand beside the menu items that open each queue: a figure is
// worth something only if it is the number of entries the clerk finds there.

async function signIn(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username, password: DEMO_STAFF_PASSWORD },
  })
  if (res.statusCode !== 200) throw new Error(`${username}: ${res.body}`)
  return { authorization: `Bearer ${res.json().accessToken}` }
}

/**
 * Every entry of a paged list, following `next` to the end. Where the first page says the
 * list's `total`, it is the number walked; later pages do not count again; no entry comes
 * twice.
 */
async function pagedTotal(app: FastifyInstance, url: string, headers: Record<string, string>) {
  const seen = new Set<string>()
  const totals = new Set<number>()
  let walked = 0
  let after: string | null = null
  do {
    const res = await app.inject({
      url: `${url}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      headers,
    })
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`)
    const page: {
      items: { id?: string; versionId?: string }[]
      next: string | null
      total?: number
    } = res.json()
    for (const item of page.items) seen.add(item.versionId ?? item.id ?? String(walked))
    walked += page.items.length
    if (page.total !== undefined) {
      if (after) throw new Error(`${url}: a later page counted the list again`)
      totals.add(page.total)
    }
    after = page.next
  } while (after)
  if (seen.size !== walked) throw new Error(`${url}: an entry came twice`)
  if (totals.size > 0 && (totals.size > 1 || !totals.has(walked)))
    throw new Error(`${url}: pages said ${[...totals].join('/')} but held ${walked}`)
  return walked
}

t.test('each pending figure is the length of the queue it opens, at every level', async (t) => {
  const app = await buildTestApp(t, { SEED_DEMO: 'true' })
  let seen = 0
  for (const username of ['demo.province', 'demo.fuzhou', 'demo.gulou', 'demo.siming']) {
    const headers = await signIn(app, username)
    const res = await app.inject({ url: '/api/v1/desk/pending', headers })
    t.equal(res.statusCode, 200, username)
    const counts = res.json()
    t.same(
      {
        review: await pagedTotal(app, '/api/v1/review/memberships?limit=7', headers),
        checkins: await pagedTotal(app, '/api/v1/review/checkins?state=pending&limit=2', headers),
        pledges: await pagedTotal(app, '/api/v1/review/pledges?state=pending&limit=7', headers),
        pledgeReports: await pagedTotal(
          app,
          '/api/v1/review/pledge-reports?state=open&limit=1',
          headers,
        ),
        supervisionReports: await pagedTotal(
          app,
          '/api/v1/staff/supervision-reports?state=open&limit=1',
          headers,
        ),
      },
      counts,
      `${username}: ${JSON.stringify(counts)}`,
    )
    seen += Object.values<number>(counts).reduce((sum, n) => sum + n, 0)
  }
  // Zero everywhere would pass the comparison above without proving anything.
  t.ok(seen > 0, `the demo data leaves entries waiting (${seen} over the four accounts)`)
})

t.test('the check-in, pledge and report lists page to their total in every state', async (t) => {
  const app = await buildTestApp(t, { SEED_DEMO: 'true' })
  let walked = 0
  for (const username of ['demo.province', 'demo.gulou']) {
    const headers = await signIn(app, username)
    for (const query of ['', 'state=pending', 'state=approved', 'state=declined']) {
      const url = `/api/v1/review/checkins?limit=1${query ? `&${query}` : ''}`
      walked += await pagedTotal(app, url, headers)
    }
    for (const state of ['open', 'handled'])
      walked += await pagedTotal(
        app,
        `/api/v1/review/pledge-reports?state=${state}&limit=1`,
        headers,
      )
    for (const query of ['state=pending', 'state=approved', 'state=approved&status=active'])
      walked += await pagedTotal(app, `/api/v1/review/pledges?${query}&limit=2`, headers)
  }
  t.ok(walked > 0, `the demo data fills these lists (${walked} entries walked)`)
  // A cursor that is not one is refused with the field named, not answered with a 500.
  const headers = await signIn(app, 'demo.province')
  for (const url of ['/api/v1/review/checkins', '/api/v1/review/pledge-reports']) {
    const res = await app.inject({ url: `${url}?after=nonsense`, headers })
    t.equal(res.statusCode, 400, url)
    t.match(res.json().error.fields, [{ field: 'query.after' }], url)
  }
})

t.test('a decision takes its entry off the figure at once', async (t) => {
  const app = await buildTestApp(t, { SEED_DEMO: 'true' })
  const headers = await signIn(app, 'demo.gulou')
  const before = (await app.inject({ url: '/api/v1/desk/pending', headers })).json()
  const first = (await app.inject({ url: '/api/v1/review/memberships?limit=1', headers })).json()
    .items[0]
  t.ok(first, 'an entry waits in 鼓楼区')
  const { version } = (
    await app.inject({ url: `/api/v1/review/memberships/${first.id}`, headers })
  ).json()
  const decided = await app.inject({
    method: 'POST',
    url: `/api/v1/review/memberships/${first.id}/decision`,
    headers,
    payload: { decision: 'reject', note: '测试：信息不实', version },
  })
  t.equal(decided.statusCode, 200, decided.body)
  const after = (await app.inject({ url: '/api/v1/desk/pending', headers })).json()
  t.equal(after.review, before.review - 1)
})
