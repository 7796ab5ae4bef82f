import { ApiError } from '../http/errors.ts'

/** Where a queue (oldest first) continues: the last row's queue time and id. */
export interface QueueCursor {
  queuedAt: Date
  id: string
}

/** An opaque page cursor: the last row's queue time and id. */
export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(`${cursor.queuedAt.toISOString()}|${cursor.id}`).toString('base64url')
}

export function decodeCursor(text: string | undefined): QueueCursor | undefined {
  if (text === undefined) return undefined
  const [at, id] = Buffer.from(text, 'base64url').toString().split('|')
  const queuedAt = new Date(at ?? '')
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(queuedAt.getTime()))
    throw new ApiError(400, 'validation_failed', '分页参数无效，请从第一页重新加载', [
      { field: 'query.after', message: '分页参数无效' },
    ])
  return { queuedAt, id }
}

/** One page of a queue fetched `limit + 1` rows deep: the rows shown and where the next starts. */
export function queuePage<T>(rows: T[], limit: number, cursorOf: (row: T) => QueueCursor) {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  return { shown, next: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null }
}
