import { chinaYear } from '@djt/shared'
import { inject } from 'vitest'
import { registerRider } from '../e2e/accounts.ts'

/** What the app keeps after signing in (see miniapp/src/services/session-store.ts). */
export interface StoredSession {
  accessToken: string
  refreshToken: string
  user: { id: string; role: string }
}

export const DEMO_PASSWORD = 'Demo-Lantern-2026!'

/** A call to the suite's server from outside the app (setting up, checking). */
export async function api<T>(path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${inject('server')}/api/v1${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** A demo staff member's session (see the README's demo accounts). */
export async function staffSession(username: string): Promise<StoredSession> {
  return stored(await api('/auth/staff', { body: { username, password: DEMO_PASSWORD } }))
}

/** The session WeChat's dev mode gives `dev:<name>` (the demo people sign in so). */
export async function wechatSession(name: string): Promise<StoredSession> {
  return stored(await api('/auth/wechat', { body: { code: `dev:${name}` } }))
}

function stored({ accessToken, refreshToken, user }: StoredSession): StoredSession {
  return { accessToken, refreshToken, user }
}

/**
 * A rider of 鼓楼区 who registers (WeChat dev name `<label>骑手0`), whom demo.gulou verifies
 * and nominates as 福州市's 最美骑手 of this year; returns the honour's id.
 */
export async function nominatedRider(
  staff: string,
  rider: { label: string; birth: string; citation: string },
): Promise<{ honourId: string; wechatName: string }> {
  const { name } = await registerRider(inject('server'), {
    label: rider.label,
    n: 0,
    birth: rider.birth,
  })
  const queue = await api<{ items: { id: string; name: string }[] }>(
    '/review/memberships?state=all&limit=100',
    { token: staff },
  )
  const entry = queue.items.find((item) => item.name === name)
  if (!entry) throw new Error(`${name} is not in the queue`)
  const { version } = await api<{ version: number }>(`/review/memberships/${entry.id}`, {
    token: staff,
  })
  await api(`/review/memberships/${entry.id}/decision`, {
    token: staff,
    body: { decision: 'verify', version },
  })
  const honour = await api<{ id: string }>('/staff/honours', {
    token: staff,
    body: {
      membershipId: entry.id,
      year: chinaYear(),
      cityCode: '350100',
      citation: rider.citation,
    },
  })
  return { honourId: honour.id, wechatName: `${rider.label}骑手0` }
}
