import { ApiError } from '../http/errors.ts'

/** An opaque page cursor: the last row's sort key (a distance or a name) and its id. */
export interface PlaceCursor {
  key: string
  id: string
}

export function encodePlaceCursor(cursor: PlaceCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url')
}

export function decodePlaceCursor(text: string | undefined): PlaceCursor | undefined {
  if (text === undefined) return undefined
  try {
    const [key, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[]
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
      return { key, id }
  } catch {}
  throw new ApiError(400, 'validation_failed', '分页参数无效，请从第一页重新加载', [
    { field: 'query.after', message: '分页参数无效' },
  ])
}

/** One page of rows fetched `limit + 1`: the items and the cursor of the last one shown. */
export function page<T extends { id: string }>(rows: T[], limit: number, key: (row: T) => string) {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  return {
    shown,
    next: rows.length > limit && last ? encodePlaceCursor({ key: key(last), id: last.id }) : null,
  }
}
