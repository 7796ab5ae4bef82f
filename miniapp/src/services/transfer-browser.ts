import { errorFromBody, networkError } from './api-error'
import { apiUrl } from './http'
import { type Answer, authHeader, parseJson, TRANSFER_TIMEOUT_MS } from './transfer-common'

// The browser's fetch, for H5: FormData uploads and downloads saved as files.

export async function browserUpload(
  path: string,
  blob: Blob,
  name: string,
  token: string | null | undefined,
): Promise<Answer> {
  const form = new FormData()
  form.append('file', blob, name)
  const response = await browserFetch(path, token, { method: 'POST', body: form })
  return { statusCode: response.status, body: await jsonOf(response) }
}

export async function browserDownload(
  path: string,
  fileName: string,
  token: string | null | undefined,
): Promise<void> {
  saveBlob(await browserFetchBlob(path, token), fileName)
}

export async function browserFetchBlob(path: string, token: string | null | undefined) {
  const response = await browserFetch(path, token, { method: 'GET' })
  if (!response.ok) throw errorFromBody(response.status, await jsonOf(response))
  return response.blob()
}

async function browserFetch(
  path: string,
  token: string | null | undefined,
  init: RequestInit,
): Promise<Response> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(new Error('timeout')), TRANSFER_TIMEOUT_MS)
  try {
    const headers = { Accept: 'application/json', ...authHeader(token) }
    return await fetch(apiUrl(path), { ...init, headers, signal: abort.signal })
  } catch (cause) {
    throw networkError(cause)
  } finally {
    clearTimeout(timer)
  }
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  return parseJson(text)
}

/** Saves through a temporary `<a download>`, the one way a page can name the file. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled, so the download still has its data.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
