// The real server (production configuration, as nearby-load.mjs starts it) for the ledger
// benchmark, with staff sign-in by password (no second factor: nobody can type a TOTP here).
import { startServer } from './nearby-load.mjs'

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
    /** `n` requests one after another (after 20 to warm up); latency percentiles in ms. */
    async timeLedger(token, region, n) {
      const once = async () => {
        const t0 = performance.now()
        const res = await fetch(`${base}/ledgers?region=${region}`, {
          headers: { authorization: `Bearer ${token}` },
        })
        const body = await res.text()
        if (!res.ok) throw new Error(`ledger ${region}: ${res.status} ${body}`)
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
