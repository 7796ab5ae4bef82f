import { randomUUID } from 'node:crypto'
import { type FileHandle, open, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyRequest } from 'fastify'
import { ApiError } from '../http/errors.ts'
import { type ImportLimits, megabytes, overLimit } from './limits.ts'
import { asUploadError } from './malformed.ts'

/** An uploaded file on disk, what reading it may cost, and the import slot it holds. */
export interface SpooledUpload {
  fileName: string
  file: FileHandle
  limits: ImportLimits
  /** Closes the file and gives the import slot back. */
  close(): Promise<void>
}

/** What an import reads: the demo seed makes one without a request or a slot. */
export type UploadedFile = Pick<SpooledUpload, 'fileName' | 'file' | 'limits'>

const noFile = () =>
  new ApiError(400, 'validation_failed', '请选择要导入的文件', [
    { field: 'file', message: '请选择要导入的文件' },
  ])

/**
 * Takes an import slot (429 when the caller or the server has enough running), then
 * copies the uploaded file to disk at network speed, before any transaction opens: a slow
 * client then never holds a transaction (on PGlite, the only session) open. The file is
 * unlinked as soon as it is created, so its personal data vanish with the process even
 * when it is killed; only the open handle reads it.
 */
export async function spoolUpload(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart())
    throw new ApiError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件')
  const { limits, slots } = request.server.uploads
  const caller = request.caller
  const release = await slots.take(caller.kind === 'anonymous' ? 'anonymous' : caller.id)
  let file: FileHandle | undefined
  try {
    const part = await request.file()
    if (part?.fieldname !== 'file') throw noFile()
    const name = path.join(os.tmpdir(), `djt-register-${randomUUID()}`)
    file = await open(name, 'wx+', 0o600)
    await unlink(name)
    for await (const chunk of part.file) await file.write(chunk)
    if (part.file.truncated) throw overLimit(`文件不能超过${megabytes(maxBytes)}`)
    const { size } = await file.stat()
    if (size === 0) throw noFile()
    const spooled = file
    const close = async () => {
      release()
      await spooled.close()
    }
    return { fileName: part.filename || '未命名文件', file, limits, close } satisfies SpooledUpload
  } catch (error) {
    release()
    await file?.close()
    throw asUploadError(error)
  }
}
