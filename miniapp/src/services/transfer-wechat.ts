import Taro from '@tarojs/taro'
import { errorFromBody, networkError } from './api-error'
import { apiUrl } from './http'
import { type Answer, authHeader, parseJson, TRANSFER_TIMEOUT_MS } from './transfer-common'

// WeChat's uploadFile and downloadFile: files travel as temporary paths, answers as text.

export async function wechatUpload(
  path: string,
  filePath: string,
  token: string | null | undefined,
): Promise<Answer> {
  try {
    const response = await Taro.uploadFile({
      url: apiUrl(path),
      filePath,
      name: 'file',
      header: { Accept: 'application/json', ...authHeader(token) },
      timeout: TRANSFER_TIMEOUT_MS,
    })
    // WeChat hands the answer over as text.
    return { statusCode: response.statusCode, body: parseJson(String(response.data ?? '')) }
  } catch (cause) {
    throw networkError(cause)
  }
}

export async function wechatDownload(
  path: string,
  fileName: string,
  token: string | null | undefined,
): Promise<void> {
  const filePath = await wechatFetchFile(path, token)
  await Taro.shareFileMessage({ filePath, fileName }).catch((cause: unknown) => {
    // Closing the share sheet is a choice, not a failure.
    if (!/cancel/i.test(String((cause as { errMsg?: string })?.errMsg ?? cause))) throw cause
  })
}

/** Downloads to a temporary path; `onProgress` hears the percentage as it grows. */
export async function wechatFetchFile(
  path: string,
  token: string | null | undefined,
  onProgress?: (percent: number) => void,
): Promise<string> {
  let response: { statusCode: number; tempFilePath: string }
  try {
    const task = Taro.downloadFile({
      url: apiUrl(path),
      header: authHeader(token),
      timeout: TRANSFER_TIMEOUT_MS,
    })
    if (onProgress) task.onProgressUpdate?.((update) => onProgress(update.progress))
    response = await task
  } catch (cause) {
    throw networkError(cause)
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw errorFromBody(response.statusCode, readTempJson(response.tempFilePath))
  }
  return response.tempFilePath
}

/** An error answer saved as a file: its JSON, to say what went wrong. */
function readTempJson(filePath: string): unknown {
  try {
    return parseJson(String(Taro.getFileSystemManager().readFileSync(filePath, 'utf8')))
  } catch {
    return null
  }
}
