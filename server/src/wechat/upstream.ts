import { WechatError } from './wechat-error.ts'

/** WeChat's JSON answers (sessions, tokens, checks, send results) are well under 1 KiB. */
export const JSON_ANSWER_MAX_BYTES = 1024 * 1024
/** A 430-pixel mini-program code is some 100 KiB; WeChat documents no larger size. */
export const WXACODE_MAX_BYTES = 4 * 1024 * 1024

export interface WechatAnswer {
  contentType: string
  body: Buffer
}

const unavailable = (cause: string) => new WechatError('wechat_unavailable', undefined, cause)
const tooLarge = (maxBytes: number) => unavailable(`answer larger than ${maxBytes} bytes`)

/**
 * One call to WeChat's servers, answered by them or not at all. A redirect is not
 * followed: WeChat never sends one, and following it would hand the query (the secret, the
 * access_token) or, on 307, the body to wherever it points. The body is read up to
 * `maxBytes(contentType)`; a larger one is abandoned mid-stream, never held whole. Every
 * failure (network, timeout, 3xx, non-2xx, too large) is wechat_unavailable.
 */
export async function callWechat(
  url: string,
  timeoutMs: number,
  init: RequestInit,
  maxBytes: (contentType: string) => number,
): Promise<WechatAnswer> {
  const abandon = new AbortController()
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), abandon.signal])
  let response: Response
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal })
  } catch (error) {
    throw unavailable(describeFailure(error))
  }
  try {
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
      throw unavailable(`redirect (HTTP ${response.status}) not followed`)
    if (!response.ok) throw unavailable(`HTTP ${response.status}`)
    const contentType = response.headers.get('content-type') ?? ''
    return { contentType, body: await readCapped(response, maxBytes(contentType)) }
  } catch (error) {
    // Closes the connection: the rest of the answer is not worth receiving.
    abandon.abort()
    throw error instanceof WechatError ? error : unavailable(describeFailure(error))
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes)
  if (!response.body) return Buffer.alloc(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks, size)
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
}

/** A WeChat API answering JSON, parsed. */
export async function fetchAnswer(
  url: string,
  timeoutMs: number,
  init: RequestInit = {},
): Promise<unknown> {
  const answer = await callWechat(url, timeoutMs, init, () => JSON_ANSWER_MAX_BYTES)
  return parseJson(answer.body)
}

export function parseJson(body: Buffer): unknown {
  try {
    // TextDecoder drops a byte-order mark, as Response.json() does.
    return JSON.parse(new TextDecoder().decode(body))
  } catch (error) {
    throw unavailable(describeFailure(error))
  }
}

// Only the error's kind: undici's messages and causes may quote the URL, which holds the secret.
function describeFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timeout'
  if (error instanceof SyntaxError) return 'answer is not JSON'
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code
  return typeof cause === 'string' ? `network error ${cause}` : 'network error'
}
