import type { z } from 'zod'
import { checkedBody, withAccessToken } from './http'
import { browserDownload, browserFetchBlob, browserUpload } from './transfer-browser'
import { wechatDownload, wechatFetchFile, wechatUpload } from './transfer-wechat'

export { TRANSFER_TIMEOUT_MS } from './transfer-common'

/** A file to send: a temporary path in WeChat (chooseMessageFile), a File in the browser. */
export type UploadSource = { path: string; name: string } | { blob: Blob; name: string }

/** POSTs one file as the multipart field `file`; the answer is checked like any other. */
export function upload<T>(path: string, file: UploadSource, schema: z.ZodType<T>): Promise<T> {
  return withAccessToken(path, async (token) => {
    const answer =
      'blob' in file
        ? await browserUpload(path, file.blob, file.name, token)
        : await wechatUpload(path, file.path, token)
    return checkedBody(answer.statusCode, answer.body, schema)
  })
}

/**
 * Fetches a file with the caller's token and hands it over: a download in the browser,
 * WeChat's send-to-chat sheet in the mini-program (it has no downloads folder).
 */
export function download(path: string, fileName: string): Promise<void> {
  return withAccessToken(path, (token) =>
    process.env.TARO_ENV === 'h5'
      ? browserDownload(path, fileName, token)
      : wechatDownload(path, fileName, token),
  )
}

/**
 * Lets go of a file `fetchToDevice` kept: a browser's blob URL holds the whole file in memory
 * until revoked. WeChat removes its temporary files itself.
 */
export function releaseFromDevice(url: string): void {
  if (process.env.TARO_ENV === 'h5' && url.startsWith('blob:')) URL.revokeObjectURL(url)
}

/**
 * Fetches a file with the caller's token and keeps it on the device: a temporary path in
 * WeChat (for saveImageToPhotosAlbum, openDocument, previewImage), a blob URL in the browser.
 */
export function fetchToDevice(
  path: string,
  onProgress?: (percent: number) => void,
): Promise<string> {
  return withAccessToken(path, async (token) =>
    process.env.TARO_ENV === 'h5'
      ? URL.createObjectURL(await browserFetchBlob(path, token))
      : wechatFetchFile(path, token, onProgress),
  )
}
