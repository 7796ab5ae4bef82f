import { randomUUID } from 'node:crypto'
import { type FileHandle, open, unlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyRequest } from 'fastify'
import { ApiError } from '../http/errors.ts'

export interface SpooledUpload {
  fileName: string
  file: FileHandle
}

const noFile = () =>
  new ApiError(400, 'validation_failed', '请选择要导入的文件', [
    { field: 'file', message: '请选择要导入的文件' },
  ])

/**
 * Copies the uploaded file to disk at network speed, before any transaction opens: a slow
 * client then never holds a transaction (on PGlite, the only session) open. The file is
 * unlinked as soon as it is created, so its personal data vanish with the process even
 * when it is killed; only the open handle reads it.
 */
export async function spoolUpload(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart())
    throw new ApiError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件')
  const part = await request.file()
  if (part?.fieldname !== 'file') throw noFile()
  const name = path.join(os.tmpdir(), `djt-register-${randomUUID()}`)
  const file = await open(name, 'wx+', 0o600)
  await unlink(name)
  try {
    for await (const chunk of part.file) await file.write(chunk)
    if (part.file.truncated) {
      const megabytes = Math.floor(maxBytes / 1024 / 1024)
      throw new ApiError(413, 'payload_too_large', `文件不能超过${megabytes} MB`)
    }
    const { size } = await file.stat()
    if (size === 0) throw noFile()
    return { fileName: part.filename || '未命名文件', file } satisfies SpooledUpload
  } catch (error) {
    await file.close()
    throw error
  }
}
