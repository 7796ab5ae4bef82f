import { ErrorBody, type ErrorCode, type FieldError } from '@djt/shared'

/** Server codes plus the two the client raises itself. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'invalid_response'

/** Every failed call surfaces as this, whatever went wrong. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: ApiErrorCode
  /** HTTP status; 0 when no response arrived. */
  readonly status: number
  readonly fields: FieldError[]
  readonly requestId: string | undefined

  constructor(init: {
    code: ApiErrorCode
    message: string
    status: number
    fields?: FieldError[] | undefined
    requestId?: string | undefined
    cause?: unknown
  }) {
    super(init.message, { cause: init.cause })
    this.code = init.code
    this.status = init.status
    this.fields = init.fields ?? []
    this.requestId = init.requestId
  }

  /** The message for one form field, if the server named it (e.g. `body.mobile`). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message
  }
}

export const messages = {
  network: '网络连接失败，请检查网络后重试',
  timeout: '网络超时，请稍后重试',
  invalidResponse: '服务返回的数据无法识别，请稍后重试',
  unavailable: '服务暂不可用，请稍后重试',
} as const

/** The ApiError for a non-2xx answer, whatever its body. */
export function errorFromBody(status: number, data: unknown): ApiError {
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

/** The ApiError for a request that got no answer. */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? `${cause.name} ${cause.message}` : describe(cause)
  const timedOut = /timeout|abort/i.test(detail)
  return new ApiError({
    code: timedOut ? 'request_timeout' : 'network_error',
    message: timedOut ? messages.timeout : messages.network,
    status: 0,
    cause,
  })
}

/** WeChat rejects with `{ errMsg }` rather than an Error. */
function describe(cause: unknown): string {
  if (cause && typeof cause === 'object' && 'errMsg' in cause) return String(cause.errMsg)
  return String(cause)
}
