import { inject } from 'vitest'

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
