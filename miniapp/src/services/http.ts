import Taro from '@tarojs/taro'
import { z } from 'zod'
import { env } from '../env'
import { ApiError, errorFromBody, messages, networkError } from './api-error'
import { expiresSoon } from './token-expiry'

export type { ApiErrorCode } from './api-error'
export { ApiError } from './api-error'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type Query = Record<string, string | number | boolean | undefined>

export interface RequestOptions<T> {
  method?: Method
  /** Path under the API base, starting with `/`, e.g. `/status`. */
  path: string
  query?: Query
  body?: unknown
  /** Every response body is checked against this; a 204 answer is checked as `null`. */
  schema: z.ZodType<T>
  /** Extra headers, e.g. the public pages' `x-device-id`. */
  header?: Record<string, string>
}

/** Returns the current access token, or nothing when signed out. */
export type AccessTokenProvider = () =>
  | string
  | null
  | undefined
  | Promise<string | null | undefined>

/**
 * Trades the refresh token for a new access token. Resolves null when the server refused
 * (the session is then over); rejects when the server could not be reached.
 */
export type TokenRefresher = () => Promise<string | null>

export const REQUEST_TIMEOUT_MS = 10_000
/** Pauses before each GET retry; writes are never retried (they may have landed). */
export const GET_RETRY_DELAYS_MS = [500, 1500] as const
const RETRYABLE_STATUSES = new Set([502, 503, 504])

/** The body schema of a 204 answer. */
export const NoContent: z.ZodType<null> = z.null()

// Sign-in, refresh and sign-out carry credentials in their body: never a bearer token,
// and a 401 from them is an answer, not an expired token (refreshing there would loop).
const CREDENTIAL_PATH = /^\/auth\/(wechat|staff|refresh|logout)$/
// `account_disabled` also goes through a refresh: its refusal is what ends the session.
const EXPIRED_CODES = new Set(['unauthorized', 'account_disabled'])

let accessTokenProvider: AccessTokenProvider | undefined
let tokenRefresher: TokenRefresher | undefined
let refreshInFlight: Promise<string | null> | undefined

/** Sign-in installs a provider here; pass nothing to sign out. */
export function setAccessTokenProvider(provider?: AccessTokenProvider): void {
  accessTokenProvider = provider
}

/** The session installs its refresh here; without one a 401 is final. */
export function setTokenRefresher(refresher?: TokenRefresher): void {
  tokenRefresher = refresher
}

/**
 * Sends with the current access token. A 401 for an expired token triggers one refresh
 * (shared by every request that fails meanwhile) and one retry with the new token.
 */
export function request<T>(options: RequestOptions<T>): Promise<T> {
  const method = options.method ?? 'GET'
  return withAccessToken(options.path, (token) => sendWithRetries(method, options, token))
}

/**
 * Runs `send` with the current access token; uploads and downloads use it too, so the
 * token and its refresh live here only. `send` must throw ApiErrors (see errorFromBody).
 */
export async function withAccessToken<T>(
  path: string,
  send: (token: string | null | undefined) => Promise<T>,
): Promise<T> {
  let token = CREDENTIAL_PATH.test(path) ? null : await accessTokenProvider?.()
  if (token && expiresSoon(token)) token = (await refreshedToken(token)) ?? token
  try {
    return await send(token)
  } catch (error) {
    if (!token || !isExpiredToken(error)) throw error
    const fresh = await refreshedToken(token)
    if (!fresh) throw error
    return send(fresh)
  }
}

/** The full URL of a path under the API base. */
export function apiUrl(path: string): string {
  return env.apiBase + path
}

async function sendWithRetries<T>(
  method: Method,
  options: RequestOptions<T>,
  token: string | null | undefined,
): Promise<T> {
  const delays = method === 'GET' ? GET_RETRY_DELAYS_MS : []
  let sending = token
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce(method, options, sending)
    } catch (error) {
      const delay = delays[attempt]
      if (delay === undefined || !isRetryable(error)) throw error
      await sleep(delay)
      // The session may have moved during the pause: signed out, the old token is not sent
      // again (the page that asked is gone); renewed, the retry carries the new one.
      if (sending) {
        const current = await accessTokenProvider?.()
        if (!current) throw error
        sending = current
      }
    }
  }
}

/** A token newer than `stale`. Set before any await, so requests failing together share it. */
function refreshedToken(stale: string): Promise<string | null> {
  refreshInFlight ??= newerToken(stale).finally(() => {
    refreshInFlight = undefined
  })
  return refreshInFlight
}

/** One that already landed (the request was sent before it), or a refresh. */
async function newerToken(stale: string): Promise<string | null> {
  const current = await accessTokenProvider?.()
  if (current && current !== stale) return current
  return tokenRefresher ? tokenRefresher() : null
}

function isExpiredToken(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && EXPIRED_CODES.has(error.code)
}

export function get<T>(path: string, schema: z.ZodType<T>, query?: Query): Promise<T> {
  return request({ method: 'GET', path, schema, ...(query ? { query } : {}) })
}

export function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  return request({ method: 'POST', path, body, schema })
}

export function del(path: string): Promise<null> {
  return request({ method: 'DELETE', path, schema: NoContent })
}

async function requestOnce<T>(
  method: Method,
  options: RequestOptions<T>,
  token: string | null | undefined,
): Promise<T> {
  const header: Record<string, string> = { ...options.header, Accept: 'application/json' }
  if (method !== 'GET') header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`

  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: apiUrl(options.path),
      method,
      header,
      timeout: REQUEST_TIMEOUT_MS,
      dataType: 'json',
      // WeChat and H5 send a JSON content type anyway; an empty JSON body is a 400.
      data: method === 'GET' ? definedOnly(options.query) : (options.body ?? {}),
    })
  } catch (cause) {
    throw networkError(cause)
  }

  return checkedBody(response.statusCode, response.data, options.schema)
}

/** The body of a 2xx answer checked against `schema`; any other answer as an ApiError. */
export function checkedBody<T>(statusCode: number, body: unknown, schema: z.ZodType<T>): T {
  if (statusCode < 200 || statusCode >= 300) throw errorFromBody(statusCode, body)
  // Platforms hand an empty body over as '', undefined or null.
  const data = statusCode === 204 ? null : body
  // zod runs without eval: WeChat's JS engine forbids `new Function`.
  const parsed = schema.safeParse(data, { jitless: true })
  if (!parsed.success) {
    throw new ApiError({
      code: 'invalid_response',
      message: messages.invalidResponse,
      status: statusCode,
      cause: parsed.error,
    })
  }
  return parsed.data
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.status === 0 || RETRYABLE_STATUSES.has(error.status)
}

function definedOnly(query: Query | undefined): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) result[key] = value
  }
  return result
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
