import { ApiError } from '../services/http'

export type FieldErrors<K extends string> = Partial<Record<K, string>>

export interface FormErrors<K extends string> {
  fields: FieldErrors<K>
  /** What belongs to no single field (wrong password, locked, offline). */
  message: string | null
}

/** The server's field messages (`body.username` → username) and the rest as one message. */
export function errorsFromFailure<K extends string>(
  error: unknown,
  keys: readonly K[],
): FormErrors<K> {
  if (!(error instanceof ApiError)) return { fields: {}, message: '出现了意外错误，请稍后重试' }
  const fields: FieldErrors<K> = {}
  for (const { field, message } of error.fields) {
    const key = keys.find((k) => field === `body.${k}` || field === k)
    if (key && !fields[key]) fields[key] = message
  }
  const named = Object.keys(fields).length > 0
  return { fields, message: named && error.code === 'validation_failed' ? null : error.message }
}
