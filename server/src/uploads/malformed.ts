import { ApiError } from '../http/errors.ts'

/**
 * What reading a multipart body threw, as the caller's fault when it is: busboy reports a
 * missing boundary or a body cut short as a plain Error, which would otherwise be a 500.
 * A system error (it has a `syscall`: the disk, not the body), one of ours, or one of
 * Fastify's coded errors (sizes and counts, answered by their own status) passes through.
 */
export function asUploadError(error: unknown): unknown {
  if (error instanceof ApiError) return error
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown }
  if (syscall !== undefined) return error
  if (typeof code === 'string' && code.startsWith('FST_')) return error
  return new ApiError(400, 'validation_failed', '上传的内容不完整或格式有误，请重新上传', [
    { field: 'file', message: '上传的内容不完整或格式有误，请重新上传' },
  ])
}
