import { z } from 'zod'

/** Every error code the API can answer with. Later domains add theirs here. */
export const errorCodes = [
  'validation_failed',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'invalid_credentials',
  'mfa_required',
  'mfa_enrollment_required',
  'account_locked',
  'account_disabled',
  'weak_password',
  'privacy_consent_required',
  'wechat_invalid_code',
  'wechat_rate_limited',
  'wechat_high_risk_user',
  'wechat_unavailable',
  'wechat_error',
  'forbidden',
  'conflict',
  'rate_limited',
  /** A rating or report without an account carried no device token the server issued. */
  'device_unrecognized',
  'request_timeout',
  'service_unavailable',
  /** Redis, where several servers keep their per-IP limits, is away: refused for safety. */
  'limits_unavailable',
  'internal_error',
] as const
export const ErrorCode = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCode>

export const FieldError = z.object({
  /** Dotted path of the offending field, e.g. `body.mobile` or `query.radius`. */
  field: z.string(),
  message: z.string(),
})
export type FieldError = z.infer<typeof FieldError>

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    fields: z.array(FieldError).optional(),
    requestId: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>
