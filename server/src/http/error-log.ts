import { stdSerializers } from 'pino'

/** A PostgreSQL error, from pg or PGlite: a five-character SQLSTATE and a severity. */
export interface DatabaseError extends Error {
  code: string
  severity: string
  constraint?: string
  table?: string
  column?: string
}

export function isDatabaseError(error: unknown): error is DatabaseError {
  return (
    error instanceof Error &&
    typeof (error as { severity?: unknown }).severity === 'string' &&
    /^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code))
  )
}

/**
 * PostgreSQL quotes the offending input at the end of some messages (`invalid input
 * syntax for type uuid: "…"`): that input may be a person's name or number.
 */
function withoutInput(message: string): string {
  return message.replace(/: ".*"$/s, ': "…"')
}

interface LoggedError {
  [key: string]: unknown
  type: string
  message: string
  stack: string
}

/** Fields that carry the statement or its values: PGlite adds query, params, queryOptions. */
const CARRYING_DATA = [
  'query',
  'params',
  'queryOptions',
  'detail',
  'where',
  'internalQuery',
  'hint',
]

/**
 * The one `err` serializer of every log line. A database error keeps its message (input
 * removed), SQLSTATE code, constraint, table and column, never its query, parameters or
 * detail (`Key (mobile_hash)=(…)`), which hold members' data, ciphertexts and hashes.
 */
export function serializeError(error: Error): LoggedError {
  const plain: LoggedError = { ...stdSerializers.err(error) }
  if (!isDatabaseError(error)) {
    for (const key of CARRYING_DATA) delete plain[key]
    return plain
  }
  const message = withoutInput(error.message)
  return {
    type: plain.type,
    message,
    stack: plain.stack.replace(error.message, message),
    code: error.code,
    ...(error.constraint ? { constraint: error.constraint } : {}),
    ...(error.table ? { table: error.table } : {}),
    ...(error.column ? { column: error.column } : {}),
  }
}
