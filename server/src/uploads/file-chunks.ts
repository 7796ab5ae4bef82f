import type { FileHandle } from 'node:fs/promises'

const CHUNK = 64 * 1024

/**
 * The upload's bytes from `start` to `end`, read through its handle, 64 KB at a time (each
 * read a turn of the event loop). Never a stream on the raw descriptor: a parser closing
 * its source after we closed the handle would close whatever file reused the number (the
 * embedded database's, once).
 */
export async function* fileChunks(
  file: FileHandle,
  start = 0,
  end = Number.POSITIVE_INFINITY,
): AsyncGenerator<Buffer> {
  for (let position = start; position < end; ) {
    const length = Math.min(CHUNK, end - position)
    const { bytesRead, buffer } = await file.read(Buffer.allocUnsafe(length), 0, length, position)
    if (bytesRead === 0) return
    position += bytesRead
    yield buffer.subarray(0, bytesRead)
  }
}
