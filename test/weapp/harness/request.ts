import type { MiniProgram } from './mini-program.ts'
import type { WxSettings } from './wx.ts'

export interface RequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  dataType?: string
  success?: (result: unknown) => void
  fail?: (result: unknown) => void
  complete?: (result: unknown) => void
}

/** A URL the build may not call: outside its API origin (WeChat's request domain list). */
class ForeignOrigin extends Error {}

/**
 * wx.request answered by the test server through Node's fetch, outside the logic layer.
 * Like WeChat: GET data becomes the query string, other data a JSON body; any status
 * reaches `success`; a body that is not JSON stays a string.
 */
export function bridgeRequest(program: MiniProgram, settings: WxSettings, options: RequestOptions) {
  const controller = new AbortController()
  program.track(send(program, settings, options, controller.signal))
  return {
    abort: () => controller.abort(new Error('abort')),
    onHeadersReceived() {},
    offHeadersReceived() {},
  }
}

async function send(
  program: MiniProgram,
  settings: WxSettings,
  options: RequestOptions,
  aborted: AbortSignal,
): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
  let result: Record<string, unknown>
  let ok = true
  try {
    const { url, init } = toFetch(settings, options)
    const timeout = AbortSignal.timeout(options.timeout ?? 60_000)
    const response = await fetch(url, { ...init, signal: AbortSignal.any([aborted, timeout]) })
    const text = await response.text()
    result = {
      data: (options.dataType ?? 'json') === 'json' ? parseOrText(text) : text,
      statusCode: response.status,
      header: Object.fromEntries(response.headers),
      cookies: [],
      errMsg: 'request:ok',
    }
  } catch (error) {
    ok = false
    if (error instanceof ForeignOrigin) program.report(error.message)
    result = { errMsg: `request:fail ${error instanceof Error ? error.message : String(error)}` }
  }
  const callback = ok ? options.success : options.fail
  program.guard(`wx.request ${ok ? 'success' : 'fail'}`, () => callback?.(program.toVm(result)))
  program.guard('wx.request complete', () => options.complete?.(program.toVm(result)))
}

function toFetch(
  settings: WxSettings,
  options: RequestOptions,
): { url: string; init: RequestInit } {
  if (!options.url.startsWith(`${settings.apiOrigin}/`)) {
    throw new ForeignOrigin(`wx.request to ${options.url}, outside ${settings.apiOrigin}`)
  }
  let url = settings.server + options.url.slice(settings.apiOrigin.length)
  const method = (options.method ?? 'GET').toUpperCase()
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  for (const [name, value] of Object.entries(options.header ?? {})) {
    headers[name.toLowerCase()] = String(value)
  }
  if (method === 'GET' || method === 'HEAD') {
    const query = queryString(options.data)
    if (query) url += (url.includes('?') ? '&' : '?') + query
    return { url, init: { method, headers } }
  }
  const body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data ?? {})
  return { url, init: { method, headers, body } }
}

function queryString(data: unknown): string {
  if (typeof data !== 'object' || data === null) return ''
  return Object.entries(data)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
