import type { ErrorCode, FieldError } from '@djt/shared'

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
