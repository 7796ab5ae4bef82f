/** Register files run to megabytes: longer than the 10 s a JSON request gets. */
export const TRANSFER_TIMEOUT_MS = 60_000

/** A status and a body, whichever platform carried them. */
export interface Answer {
  statusCode: number
  body: unknown
}

export function authHeader(token: string | null | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** JSON when it parses, the text itself when not (a proxy's page), null when empty. */
export function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text)
  } catch {
    return text
  }
}
