import { type PledgeContent, PledgeContent as PledgeContentSchema } from '@djt/shared'
import type { z } from 'zod'
import { ApiError } from '../../services/http'

export const MAX_PROMISES = 8

/** One promise row: from a template (its id kept), or typed by the member. */
export interface PromiseRow {
  templateId?: string | undefined
  text: string
  /** Keeps a row's identity on screen while rows above it are removed; never sent. */
  rowId?: string | undefined
}

let rowCount = 0
const newRowId = () => `row-${++rowCount}`

/** The form as typed: text stays text, rows may still be empty. */
export interface PledgeForm {
  displayName: string
  business: string
  stall: string
  role: string
  duties: string
  promises: PromiseRow[]
  photoId?: string | undefined
}

/** `displayName`, `promises` (the list) or `promises.2` (one row, by its place on screen). */
export type FormErrors = Partial<Record<string, string>>

export function formFromContent(content: Partial<PledgeContent>): PledgeForm {
  return {
    displayName: content.displayName ?? '',
    business: content.business ?? '',
    stall: content.stall ?? '',
    role: content.role ?? '',
    duties: content.duties ?? '',
    promises: (content.promises ?? []).map((item) => ({ ...item, rowId: newRowId() })),
    ...(content.photoId ? { photoId: content.photoId } : {}),
  }
}

/** The same form with rows keyed afresh (a draft restored from storage). */
export function withFreshRows(form: PledgeForm): PledgeForm {
  return { ...form, promises: form.promises.map((row) => ({ ...row, rowId: newRowId() })) }
}

/** Adds the template's promise, or takes it away when it is already chosen. */
export function toggleTemplate(form: PledgeForm, template: { id: string; text: string }) {
  const chosen = form.promises.some((row) => row.templateId === template.id)
  if (chosen) {
    return { ...form, promises: form.promises.filter((row) => row.templateId !== template.id) }
  }
  if (form.promises.length >= MAX_PROMISES) return form
  const row = { templateId: template.id, text: template.text, rowId: newRowId() }
  return { ...form, promises: [...form.promises, row] }
}

export function addOwnPromise(form: PledgeForm): PledgeForm {
  if (form.promises.length >= MAX_PROMISES) return form
  return { ...form, promises: [...form.promises, { text: '', rowId: newRowId() }] }
}

export function editPromise(form: PledgeForm, index: number, text: string): PledgeForm {
  const promises = form.promises.map((row, i) => (i === index ? { text, rowId: row.rowId } : row))
  return { ...form, promises }
}

export function removePromise(form: PledgeForm, index: number): PledgeForm {
  return { ...form, promises: form.promises.filter((_, i) => i !== index) }
}

/**
 * What is sent: fields trimmed, an empty 摊位号 left out, blank own rows dropped.
 * `rowOf[i]` is the screen row of the sent promise `i`, to put its error next to it.
 */
export function toContent(form: PledgeForm): { content: PledgeContent; rowOf: number[] } {
  const rowOf: number[] = []
  const promises: PledgeContent['promises'] = []
  form.promises.forEach((row, index) => {
    const text = row.text.trim()
    if (!text && !row.templateId) return
    rowOf.push(index)
    promises.push(row.templateId ? { templateId: row.templateId, text } : { text })
  })
  const stall = form.stall.trim()
  const content: PledgeContent = {
    displayName: form.displayName.trim(),
    business: form.business.trim(),
    role: form.role.trim(),
    duties: form.duties.trim(),
    promises,
    ...(stall ? { stall } : {}),
    ...(form.photoId ? { photoId: form.photoId } : {}),
  }
  return { content, rowOf }
}

export type FormCheck =
  | { ok: true; content: PledgeContent; rowOf: number[] }
  | { ok: false; errors: FormErrors }

/** The shared schema's verdict, before anything is sent. */
export function checkForm(form: PledgeForm): FormCheck {
  const { content, rowOf } = toContent(form)
  const parsed = PledgeContentSchema.safeParse(content, { jitless: true })
  if (parsed.success) return { ok: true, content: parsed.data, rowOf }
  return { ok: false, errors: errorsFromPaths(issuesOf(parsed.error), rowOf) }
}

function issuesOf(error: z.ZodError): { path: PropertyKey[]; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path, message: issue.message }))
}

/** `['promises', 1, 'text']` → `promises.<screen row>`; `['displayName']` → displayName. */
function errorsFromPaths(
  issues: { path: PropertyKey[]; message: string }[],
  rowOf: number[],
): FormErrors {
  const errors: FormErrors = {}
  for (const { path, message } of issues) {
    const [field, index] = path
    if (typeof field !== 'string') continue
    const key =
      field === 'promises' && typeof index === 'number'
        ? `promises.${rowOf[index] ?? index}`
        : field
    errors[key] ??= message
  }
  return errors
}

/** The server's field errors (`body.content.promises.1.text`) placed like the form's own. */
export function errorsFromServer(
  error: unknown,
  rowOf: number[],
): { errors: FormErrors; message: string | null } {
  if (!(error instanceof ApiError)) return { errors: {}, message: '出现了意外错误，请稍后重试' }
  const issues = error.fields.flatMap(({ field, message }) => {
    const match = /^body\.content\.(.+)$/.exec(field)
    if (!match?.[1]) return []
    const path = match[1].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    return [{ path, message }]
  })
  const errors = errorsFromPaths(issues, rowOf)
  const named = Object.keys(errors).length > 0 && error.code === 'validation_failed'
  return { errors, message: named ? null : error.message }
}

/** The first field with an error, in screen order, to scroll to. */
export function firstErrorKey(form: PledgeForm, errors: FormErrors): string | undefined {
  const order = [
    'displayName',
    'business',
    'stall',
    'role',
    'duties',
    'promises',
    ...form.promises.map((_, i) => `promises.${i}`),
    'photoId',
  ]
  return order.find((key) => errors[key])
}
