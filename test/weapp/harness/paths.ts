/**
 * setData keys as WeChat reads them: `root.cn.[0].v`, `root.cn[0]`, `a.b`. Each part is a
 * property name or an array index.
 */
export function parseDataPath(key: string): (string | number)[] {
  const parts: (string | number)[] = []
  for (const match of key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    parts.push(match[1] === undefined ? (match[2] ?? '') : Number(match[1]))
  }
  return parts
}

/** Sets `value` at `key` in `target`, making the objects and arrays on the way. */
export function setDataPath(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  makeObject: () => Record<string, unknown>,
  makeArray: () => unknown[],
): void {
  const parts = parseDataPath(key)
  let node: Record<string | number, unknown> = target
  parts.forEach((part, index) => {
    if (index === parts.length - 1) {
      node[part] = value
      return
    }
    const next = node[part]
    if (typeof next !== 'object' || next === null) {
      node[part] = typeof parts[index + 1] === 'number' ? makeArray() : makeObject()
    }
    node = node[part] as Record<string | number, unknown>
  })
}

/** A page URL as the navigation APIs take it: `/packageX/pages/y/index?a=1`. */
export function parsePageUrl(
  url: string,
  from = '',
): { route: string; query: Record<string, string> } {
  const mark = url.indexOf('?')
  const pathPart = mark < 0 ? url : url.slice(0, mark)
  const search = mark < 0 ? '' : url.slice(mark + 1)
  const base = from.split('/').slice(0, -1)
  const segments = pathPart.startsWith('/') ? [] : base
  for (const segment of pathPart.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const query: Record<string, string> = {}
  for (const pair of search.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    // WeChat hands the query over as written, still percent-encoded.
    if (at < 0) query[pair] = ''
    else query[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return { route: segments.join('/'), query }
}
