/** An issue's path, as zod gives it and as the server's `body.form.mobile` names it. */
export type IssuePath = readonly PropertyKey[]
/** The first message per field; keys are the form's fields, or `promises.2` for a list's row. */
export type FieldMessages = Partial<Record<string, string>>

/**
 * The field an issue belongs to by default: its path's first step when that is one of the
 * form's fields; `promises.2` when that field is a list and the issue is about its third row.
 */
export function defaultField(path: IssuePath, values: object): string | undefined {
  const [first, index] = path
  if (typeof first !== 'string' || !(first in values)) return undefined
  const value: unknown = (values as Record<string, unknown>)[first]
  return Array.isArray(value) && typeof index === 'number' ? `${first}.${index}` : first
}

/** Each field's first message; the first message that fits no field is the form's. */
export function placed(
  issues: readonly { path: IssuePath; message: string }[],
  fieldOf: (path: IssuePath) => string | undefined,
  say: (field: string, message: string, path: IssuePath) => string = (_, message) => message,
): { errors: FieldMessages; message: string | null } {
  const errors: FieldMessages = {}
  let message: string | null = null
  for (const issue of issues) {
    const key = fieldOf(issue.path)
    if (key) errors[key] ??= say(key, issue.message, issue.path)
    else message ??= issue.message
  }
  return { errors, message: Object.keys(errors).length > 0 ? null : message }
}

/** `body.content.promises.1.text` → ['promises', 1, 'text'] under the prefix `body.content.`. */
export function serverPath(name: string, prefixes: readonly string[]): IssuePath {
  const prefix = prefixes.find((start) => name.startsWith(start)) ?? ''
  return name
    .slice(prefix.length)
    .split('.')
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step))
}

/**
 * The messages an edit makes stale: the field's own and, for a list, those of the rows that
 * changed (a row removed moves the rows below it, so their messages go too).
 */
export function staleKeys(field: string, before: unknown, after: unknown): string[] {
  if (!Array.isArray(before) || !Array.isArray(after)) return [field]
  const rows = Math.max(before.length, after.length)
  const changed = Array.from({ length: rows }, (_, i) => i).filter(
    (i) => !Object.is(before[i], after[i]),
  )
  return [field, ...changed.map((i) => `${field}.${i}`)]
}

/** Whether a value counts as left empty (what a blank text field or unchosen picker gives). */
export const isBlank = (value: unknown) => value === undefined || value === null || value === ''
