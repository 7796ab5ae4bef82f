// Traffic for the replicas test and benchmark: registrations (WeChat dev sign-in →
// privacy consent → POST /memberships), public ratings, check-ins and public reads, each
// client behind its own X-Forwarded-For address (haproxy appends the loopback peer, which
// TRUST_PROXY=loopback believes), every answer kept with when it started and ended.
import { residentIdCheckChar } from '@djt/shared'

const STAFF = { username: 'demo.gulou', password: 'Demo-Lantern-2026!' }
const AREA = { lat: 26.0865, lng: 119.2965 }

/** A documentation-range address per number (no traffic goes there: it is only a header). */
export const clientIp = (n) => `198.18.${(n >> 8) & 255}.${n & 255}`

export function createClient(baseUrl) {
  const answers = []
  async function request(method, url, { body, token, ip = '198.18.255.254', device } = {}) {
    const headers = { 'x-forwarded-for': ip }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token) headers.authorization = `Bearer ${token}`
    if (device) headers['x-device-id'] = device
    const started = performance.now()
    const answer = { method, url: url.replace(/\?.*/, ''), started, ended: 0, status: 0 }
    try {
      const res = await fetch(`${baseUrl}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      })
      answer.status = res.status
      answer.servedBy = res.headers.get('x-served-by')
      const text = await res.text()
      answer.body = text.startsWith('{') ? JSON.parse(text) : text.slice(0, 200)
    } catch (error) {
      answer.error = error.cause?.code ?? error.name
    }
    answer.ended = performance.now()
    answers.push(answer)
    return answer
  }
  return { request, answers }
}

function riderForm(n, run) {
  const first17 = `350102${String(19700101 + (n % 28))}${String(n % 1000).padStart(3, '0')}`
  return {
    kind: 'rider',
    name: `压测骑手${n}`,
    mobile: `139${String(run % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`,
    idNumber: first17 + residentIdCheckChar(first17),
    workRegionCode: '350102',
    orgName: '中共福州市鼓楼区某社区委员会',
    orgRegionCode: '350102',
    memberType: 'full',
    joinedOn: '2015-07-01',
    flowMember: true,
    wantsLocalBranch: true,
    platform: 'meituan',
    riderId: `LD-${run}-${n}`,
    deliveryStation: '鼓楼东街站',
  }
}

/** Signs in through WeChat dev mode, accepts the notice and submits a registration. */
async function register(client, world, n) {
  const ip = clientIp(n % 4096)
  const signIn = await client.request('POST', '/api/v1/auth/wechat', {
    body: { code: `dev:ld${world.run}-${n}` },
    ip,
  })
  if (signIn.status !== 200) return { write: signIn }
  const token = signIn.body.accessToken
  const consent = await client.request('POST', '/api/v1/me/privacy-consent', {
    body: { version: world.privacyVersion },
    token,
    ip,
  })
  if (consent.status !== 200) return { write: consent }
  const write = await client.request('POST', '/api/v1/memberships', {
    body: { action: 'submit', form: riderForm(n, world.run) },
    token,
    ip,
  })
  return { write, token, userId: signIn.body.user.id }
}

/**
 * What the load needs in place: the privacy notice's version, a county staff member, a
 * public pledge to rate, the flow-member branches and `members` verified riders.
 */
export async function prepareWorld(client, { run, members, pledgeCode, branches }) {
  const notice = await client.request('GET', '/api/v1/privacy-notice')
  const world = { run, privacyVersion: notice.body.version, pledgeCode, branches, members: [] }
  const pledge = await client.request('GET', `/api/v1/public/pledges/${pledgeCode}`)
  if (pledge.body?.status !== 'valid')
    throw new Error(`no valid public pledge to rate: ${pledge.status}`)
  const staff = await client.request('POST', '/api/v1/auth/staff', { body: STAFF })
  if (staff.status !== 200) throw new Error(`staff sign-in: ${staff.status}`)
  for (let n = 0; n < members; n++) {
    const made = await register(client, world, 900_000 + n)
    if (made.write.status !== 201 && made.write.status !== 200)
      throw new Error(
        `set-up registration: ${made.write.status} ${JSON.stringify(made.write.body)}`,
      )
    const { id, version } = made.write.body
    const verified = await client.request('POST', `/api/v1/review/memberships/${id}/decision`, {
      body: { decision: 'verify', version },
      token: staff.body.accessToken,
    })
    if (verified.status !== 200) throw new Error(`verify: ${verified.status}`)
    world.members.push({ token: made.token, membershipId: id })
  }
  world.checkins = world.members.flatMap((member) =>
    branches.map((placeId) => ({ member, placeId })),
  )
  return world
}

/**
 * Runs operations from `workers` clients at once until `shouldStop()` says so. Writes
 * that got an answer are kept in `writes` (kind, status, and what identifies the row).
 */
export async function runLoad(client, world, { workers, shouldStop }) {
  const writes = []
  let next = 0
  const operation = async (n) => {
    const ip = clientIp(n % 4096)
    switch (n % 10) {
      case 0:
      case 5: {
        const made = await register(client, world, n)
        writes.push({ kind: 'membership', status: made.write.status, id: made.write.body?.id })
        return
      }
      case 1:
      case 6: {
        const tag = `压测${world.run}-${n}`
        // Each customer's phone first gets its signed device token, as the page does.
        const issued = await client.request('POST', '/api/v1/public/devices', { ip })
        const device = issued.body?.deviceToken
        if (!device) return
        const answer = await client.request(
          'POST',
          `/api/v1/public/pledges/${world.pledgeCode}/ratings`,
          {
            body: { score: 1 + (n % 5), comment: tag },
            device,
            ip,
          },
        )
        writes.push({ kind: 'rating', status: answer.status, tag })
        return
      }
      case 2: {
        const pair = world.checkins.pop()
        if (!pair) break
        const answer = await client.request('POST', `/api/v1/places/${pair.placeId}/checkins`, {
          body: { note: `压测${n}` },
          token: pair.member.token,
          ip,
        })
        writes.push({ kind: 'checkin', status: answer.status, id: answer.body?.id, ...pair })
        return
      }
      case 3:
        await client.request('GET', `/api/v1/public/pledges/${world.pledgeCode}`, { ip })
        return
      case 4:
      case 8: {
        const { lat, lng } = AREA
        await client.request('GET', `/api/v1/places/nearby?lat=${lat}&lng=${lng}&radius=5000`, {
          ip,
        })
        return
      }
      default:
        break
    }
    const member = world.members[n % world.members.length]
    await client.request('GET', '/api/v1/memberships/mine', { token: member?.token, ip })
  }
  const worker = async () => {
    while (!shouldStop(next)) await operation(next++)
  }
  await Promise.all(Array.from({ length: workers }, worker))
  return { operations: next, writes }
}

/** `count` requests at once from one address, spread by the proxy over the servers. */
export async function burstFromOneIp(client, count, ip, requestFor) {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const { method, url, body } = requestFor(i)
      return client.request(method, url, { body, ip })
    }),
  )
  const byStatus = {}
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1
  return { byStatus, servers: new Set(answers.map((answer) => answer.servedBy)).size }
}
