import { type PledgeContent, PledgeContent as PledgeContentSchema } from '@djt/shared'
import type { IssuePath, ZodFormOptions } from '../../forms/useZodForm'

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

const FIELDS: readonly string[] = [
  'displayName',
  'business',
  'stall',
  'role',
  'duties',
  'promises',
  'photoId',
]

/**
 * The field a message belongs to: `['promises', 1, 'text']` is the second promise sent,
 * shown on its screen row (blank rows above it are not sent); `['duties']` is duties.
 */
export function fieldOfIssue(path: IssuePath, form: PledgeForm): string | undefined {
  const [field, index] = path
  if (typeof field !== 'string' || !FIELDS.includes(field)) return undefined
  if (field !== 'promises' || typeof index !== 'number') return field
  return `promises.${toContent(form).rowOf[index] ?? index}`
}

/** The fields in screen order, each promise row after the list's own message. */
export function screenOrder(form: PledgeForm): string[] {
  const rows = form.promises.map((_, i) => `promises.${i}`)
  return [...FIELDS.slice(0, -1), ...rows, 'photoId']
}

/** How the pledge form is checked (the shared schema) and where its messages go. */
export const pledgeChecks = {
  schema: PledgeContentSchema,
  toInput: (form: PledgeForm) => toContent(form).content,
  fieldOf: fieldOfIssue,
  // The server names `body.content.promises.1.text`.
  serverPrefixes: ['body.content.'],
  checkMessage: '请按红色提示修改后再提交',
  scroll: {
    order: screenOrder,
    selector: (field: string | undefined) =>
      field ? `#pledge-${field.replace('.', '-')}` : '#pledge-message',
  },
} satisfies Omit<ZodFormOptions<PledgeForm, PledgeContent>, 'initial'>
