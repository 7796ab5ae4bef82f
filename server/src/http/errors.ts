import type { ErrorCode, FieldError } from '@djt/shared'

/** An error a route throws on purpose: its code and message reach the caller as they are. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message)
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what}不存在`)
