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

/** Every entry of a paged list, following `next` to the end. */
async function pagedTotal(app: FastifyInstance, url: string, headers: Record<string, string>) {
  let total = 0
  let after: string | null = null
  do {
    const page: { items: unknown[]; next: string | null } = (
      await app.inject({
        url: `${url}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        headers,
      })
    ).json()
    total += page.items.length
    after = page.next
  } while (after)
  return total
}

/** A list that comes whole (it has no pages). */
async function listTotal(app: FastifyInstance, url: string, headers: Record<string, string>) {
  const res = await app.inject({ url, headers })
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`)
  return (res.json() as { items: unknown[] }).items.length
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
        checkins: await listTotal(app, '/api/v1/review/checkins?state=pending', headers),
        pledges: await pagedTotal(app, '/api/v1/review/pledges?state=pending&limit=7', headers),
        pledgeReports: await listTotal(app, '/api/v1/review/pledge-reports?state=open', headers),
      },
      counts,
      `${username}: ${JSON.stringify(counts)}`,
    )
    seen += Object.values<number>(counts).reduce((sum, n) => sum + n, 0)
  }
  // Zero everywhere would pass the comparison above without proving anything.
  t.ok(seen > 0, `the demo data leaves entries waiting (${seen} over the four accounts)`)
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
