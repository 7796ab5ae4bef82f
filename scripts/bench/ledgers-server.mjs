// The real server (production configuration, as nearby-load.mjs starts it) for the ledger
// benchmark, with staff sign-in by password (no second factor: nobody can type a TOTP here).
import { readFileSync } from 'node:fs'
import { startServer } from './nearby-load.mjs'

/** The server's resident memory now and at its peak, in MB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
}

export async function startDevServer(databaseUrl) {
  const server = await startServer({ DATABASE_URL: databaseUrl, STAFF_MFA: 'optional' })
  const base = `http://127.0.0.1:${server.port}/api/v1`
  return {
    stop: () => server.stop(),
    async signIn(username, password) {
      const res = await fetch(`${base}/auth/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`)
      return (await res.json()).accessToken
    },
    /** The XLSX export of a region's live ledger, 5 times: seconds each, bytes, server memory. */
    async timeExport(token, region) {
      const before = memory(server.pid)
      const runs = []
      let bytes = 0
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now()
        const res = await fetch(`${base}/ledgers/export.xlsx?region=${region}`, {
          headers: { authorization: `Bearer ${token}` },
        })
        const body = Buffer.from(await res.arrayBuffer())
        if (!res.ok) throw new Error(`export ${region}: ${res.status}`)
        runs.push((performance.now() - t0) / 1000)
        bytes = body.length
      }
      return { runs, bytes, before, after: memory(server.pid) }
    },
    /** `n` requests of `GET path` one after another (after 20 to warm up); percentiles in ms. */
    async timeGet(token, path, n) {
      const once = async () => {
        const t0 = performance.now()
        const res = await fetch(`${base}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        })
        const body = await res.text()
        if (!res.ok) throw new Error(`${path}: ${res.status} ${body}`)
        return { ms: performance.now() - t0, bytes: body.length }
      }
      for (let i = 0; i < 20; i++) await once()
      const times = []
      let bytes = 0
      for (let i = 0; i < n; i++) {
        const r = await once()
        times.push(r.ms)
        bytes = r.bytes
      }
      const sorted = times.sort((a, b) => a - b)
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
      return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1), bytes }
    },
  }
}
