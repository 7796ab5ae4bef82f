import { ErrorBody } from '@djt/shared'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { env } from '../env'
import { ApiError, messages } from './api-error'

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
  /** Every response body is checked against this before the caller sees it. */
  schema: z.ZodType<T>
}

/** Returns the current access token, or nothing when signed out. */
export type AccessTokenProvider = () =>
  | string
  | null
  | undefined
  | Promise<string | null | undefined>

export const REQUEST_TIMEOUT_MS = 10_000
/** Pauses before each GET retry; writes are never retried (they may have landed). */
export const GET_RETRY_DELAYS_MS = [500, 1500] as const
const RETRYABLE_STATUSES = new Set([502, 503, 504])

let accessTokenProvider: AccessTokenProvider | undefined

/** Sign-in installs a provider here; pass nothing to sign out. */
export function setAccessTokenProvider(provider?: AccessTokenProvider): void {
  accessTokenProvider = provider
}

export async function request<T>(options: RequestOptions<T>): Promise<T> {
  const method = options.method ?? 'GET'
  const delays = method === 'GET' ? GET_RETRY_DELAYS_MS : []
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce(method, options)
    } catch (error) {
      const delay = delays[attempt]
      if (delay === undefined || !isRetryable(error)) throw error
      await sleep(delay)
    }
  }
}

export function get<T>(path: string, schema: z.ZodType<T>, query?: Query): Promise<T> {
  return request({ method: 'GET', path, schema, ...(query ? { query } : {}) })
}

export function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  return request({ method: 'POST', path, body, schema })
}

async function requestOnce<T>(method: Method, options: RequestOptions<T>): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET') header['Content-Type'] = 'application/json'
  const token = await accessTokenProvider?.()
  if (token) header.Authorization = `Bearer ${token}`

  let response: { statusCode: number; data: unknown }
  try {
    response = await Taro.request({
      url: env.apiBase + options.path,
      method,
      header,
      timeout: REQUEST_TIMEOUT_MS,
      dataType: 'json',
      data: method === 'GET' ? definedOnly(options.query) : options.body,
    })
  } catch (cause) {
    throw networkError(cause)
  }

  const { statusCode, data } = response
  if (statusCode < 200 || statusCode >= 300) throw errorFromBody(statusCode, data)
  // zod runs without eval: WeChat's JS engine forbids `new Function`.
  const parsed = options.schema.safeParse(data, { jitless: true })
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

function errorFromBody(status: number, data: unknown): ApiError {
  const parsed = ErrorBody.safeParse(data, { jitless: true })
  // A proxy's own error page, or a server too broken to answer in our format.
  if (!parsed.success && status >= 500) {
    return new ApiError({ code: 'service_unavailable', message: messages.unavailable, status })
  }
  if (!parsed.success) {
    return new ApiError({ code: 'invalid_response', message: messages.invalidResponse, status })
  }
  const { code, message, fields, requestId } = parsed.data.error
  return new ApiError({ code, message, status, fields, requestId })
}

function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? `${cause.name} ${cause.message}` : describe(cause)
  const timedOut = /timeout|abort/i.test(detail)
  return new ApiError({
    code: timedOut ? 'request_timeout' : 'network_error',
    message: timedOut ? messages.timeout : messages.network,
    status: 0,
    cause,
  })
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.status === 0 || RETRYABLE_STATUSES.has(error.status)
}

/** WeChat rejects with `{ errMsg }` rather than an Error. */
function describe(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'errMsg' in cause) return String(cause.errMsg)
  return String(cause)
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
