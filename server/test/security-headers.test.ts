import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { buildTestApp } from './helper.ts'

async function h5Folder(t: { teardown(fn: () => unknown): void }) {
  const h5 = await mkdtemp(path.join(os.tmpdir(), 'djt-h5-headers-'))
  t.teardown(() => rm(h5, { recursive: true, force: true }))
  await writeFile(path.join(h5, 'index.html'), '<!doctype html><title>党建通</title>')
  return h5
}

t.test(
  'the H5 pages and the API carry a CSP that forbids framing, nosniff, a referrer policy',
  async (t) => {
    const app = await buildTestApp(t, { H5_DIR: await h5Folder(t) })
    for (const url of ['/', '/api/v1/regions']) {
      const res = await app.inject(url)
      t.equal(res.statusCode, 200, url)
      const csp = String(res.headers['content-security-policy'])
      t.match(csp, /frame-ancestors 'none'/, `${url}: no framing`)
      t.match(csp, /script-src 'self'(;|$)/, `${url}: scripts only from the site itself`)
      t.notMatch(csp, /script-src[^;]*unsafe/, `${url}: no inline or eval scripts`)
      t.equal(res.headers['x-content-type-options'], 'nosniff')
      t.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin')
      t.equal(res.headers['x-frame-options'], 'SAMEORIGIN')
      t.notOk(res.headers['strict-transport-security'], `${url}: no HSTS over plain HTTP`)
    }
  },
)

t.test('an inline script of index.html runs by its hash, and no other inline script', async (t) => {
  const h5 = await h5Folder(t)
  const script = "location.replace('/p/'+1)"
  await writeFile(
    path.join(h5, 'index.html'),
    `<!doctype html><title>党建通</title><script>${script}</script><script src="/js/a.js"></script>`,
  )
  const app = await buildTestApp(t, { H5_DIR: h5 })
  const csp = String((await app.inject('/')).headers['content-security-policy'])
  const hash = createHash('sha256').update(script).digest('base64')
  t.match(csp, `script-src 'self' 'sha256-${hash}'`, 'that script, by the hash of its text')
  t.notMatch(csp, /script-src[^;]*unsafe/, 'still no unsafe-inline')
  t.equal(csp.match(/sha256-/g)?.length, 1, 'the external script needs no hash')
})

t.test('HSTS only when the answer went out over HTTPS through a trusted proxy', async (t) => {
  const app = await buildTestApp(t, { TRUST_PROXY: '127.0.0.1' })
  const https = await app.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } })
  t.match(https.headers['strict-transport-security'], /max-age=31536000/)
  const forged = await app.inject({
    url: '/healthz',
    remoteAddress: '203.0.113.5',
    headers: { 'x-forwarded-proto': 'https' },
  })
  t.notOk(forged.headers['strict-transport-security'], 'an untrusted X-Forwarded-Proto is ignored')
})

t.test('/docs is public outside production and off by default in production', async (t) => {
  const dev = await buildTestApp(t)
  t.equal((await dev.inject('/docs/json')).statusCode, 200)
  const off = await buildTestApp(t, { API_DOCS: 'off' })
  t.equal((await off.inject('/docs/json')).statusCode, 404)
  t.equal((await off.inject('/docs')).statusCode, 404)
})

t.test('the same headers on a 404 and a 400 as on a page', async (t) => {
  const app = await buildTestApp(t, { H5_DIR: await h5Folder(t) })
  const page = await app.inject('/')
  const helmetNames = [
    'content-security-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'x-content-type-options',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
  ]
  for (const name of helmetNames) t.ok(page.headers[name], `the page carries ${name}`)
  for (const url of ['/api/v1/no-such-route', '/api/v1/places/nearby?lat=north']) {
    const res = await app.inject(url)
    t.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`)
    for (const name of helmetNames)
      t.equal(res.headers[name], page.headers[name], `${url}: ${name}`)
  }
})
