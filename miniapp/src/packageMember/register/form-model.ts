import {
  type MembershipDraft,
  MembershipForm,
  type MembershipKind,
  type MyMembership,
  SaveMembershipRequest,
} from '@djt/shared'
import type { z } from 'zod'
import { fieldOrder } from '../../membership/fields'
import { fieldLabels } from '../../membership/labels'
import { ApiError } from '../../services/http'

/** First message per field; `answer` is the reply to a staff question. */
export type FieldErrors = Partial<Record<string, string>>

/** A blank form; yes/no questions start at 否 because a switch has no third state. */
export function newDraft(kind: MembershipKind): MembershipDraft {
  if (kind === 'market_opener') return { kind }
  const draft: MembershipDraft = { kind, flowMember: false, wantsLocalBranch: false }
  return kind === 'operator' ? { ...draft, inMarket: false } : draft
}

// Typed as text (a half-typed "26." must survive), read as numbers.
const countFields = new Set(['stallCount', 'memberStallOwnerCount'])
// Chosen rather than typed: "请选择…" reads better than the schema's type message.
const pickedFields = new Set(['workRegionCode', 'orgRegionCode', 'regionCode', 'location'])

/** The draft as the schema reads it: empty fields left out, counts and coordinates as numbers. */
export function toSubmittable(draft: MembershipDraft): MembershipDraft {
  const out: MembershipDraft = { kind: draft.kind }
  for (const [field, value] of Object.entries(draft)) {
    if (value === '' || value === undefined || value === null) continue
    if (countFields.has(field)) out[field] = asNumber(value)
    else if (field === 'location') out[field] = asPoint(value)
    else out[field] = value
  }
  return out
}

function asNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value
  const number = Number(value)
  return Number.isFinite(number) ? number : value
}

function asPoint(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const { lat, lng } = value as { lat?: unknown; lng?: unknown }
  const point: Record<string, unknown> = {}
  if (lat !== '' && lat !== undefined) point.lat = asNumber(lat)
  if (lng !== '' && lng !== undefined) point.lng = asNumber(lng)
  return point
}

/** Which sensitive values the server already holds: left empty, they stay as they are. */
export interface StoredSecrets {
  mobile: boolean
  idNumber: boolean
}

// Stands in for a kept mobile so the rest of the form is checked; it is never sent.
const KEPT_MOBILE = '13800000000'

export type SubmitCheck = { ok: true; form: MembershipDraft } | { ok: false; errors: FieldErrors }

/** The shared schema's verdict on the draft, with the cleaned form to send when it passes. */
export function checkForSubmit(draft: MembershipDraft, stored: StoredSecrets): SubmitCheck {
  const data = toSubmittable(draft)
  const keepMobile = stored.mobile && data.mobile === undefined
  const probe = { ...data, mobile: keepMobile ? KEPT_MOBILE : (data.mobile ?? '') }
  const parsed = MembershipForm.safeParse(probe, { jitless: true })
  if (!parsed.success) return { ok: false, errors: errorsFromIssues(parsed.error, data) }
  const form: MembershipDraft = { ...parsed.data }
  if (keepMobile) delete form.mobile
  return { ok: true, form }
}

function errorsFromIssues(error: z.ZodError, data: MembershipDraft): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path[0]
    if (typeof field !== 'string' || errors[field]) continue
    const unpicked = pickedFields.has(field) && data[field] === undefined
    errors[field] = unpicked ? `请选择${fieldLabels[field] ?? ''}` : issue.message
  }
  return errors
}

/** The reply to a staff question, checked by the request's own rule. */
export function answerProblem(answer: string): string | undefined {
  const parsed = SaveMembershipRequest.shape.answer.safeParse(answer, { jitless: true })
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

/** The reply goes along only while a staff question waits for one. */
export function answerOf(state: { mine: MyMembership | null; answer: string }): {
  answer?: string
} {
  const reply = state.answer.trim()
  return state.mine?.state === 'needs_info' && reply ? { answer: reply } : {}
}

/** What 提交 sends, or every problem the shared schemas find, before anything is sent. */
export function prepareSubmission(
  draft: MembershipDraft,
  mine: MyMembership | null,
  answer: string,
  answerPhotoId?: string,
): { ok: true; request: SaveMembershipRequest } | { ok: false; errors: FieldErrors } {
  const stored = { mobile: Boolean(mine?.mobileMasked), idNumber: Boolean(mine?.idNumberMasked) }
  const check = checkForSubmit(draft, stored)
  const answerError = mine?.state === 'needs_info' ? answerProblem(answer) : undefined
  if (check.ok && !answerError) {
    return {
      ok: true,
      request: {
        action: 'submit',
        form: check.form,
        ...answerOf({ mine, answer }),
        // Sent only with an answer: the server refuses a photo on any other step.
        ...(mine?.state === 'needs_info' && answerPhotoId ? { answerPhotoId } : {}),
      },
    }
  }
  const errors = check.ok ? {} : check.errors
  return { ok: false, errors: answerError ? { ...errors, answer: answerError } : errors }
}

/** The field shown first among those with an error. */
export function firstErrorField(kind: MembershipKind, errors: FieldErrors): string | undefined {
  return [...fieldOrder[kind], 'answer'].find((field) => errors[field])
}

/** The server's field messages (`body.form.mobile` → mobile), and what names no field. */
export function errorsFromServer(error: unknown): { fields: FieldErrors; message: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, message: '出现了意外错误，请稍后重试' }
  const fields: FieldErrors = {}
  for (const { field, message } of error.fields) {
    const name = /^body\.(?:form\.)?([A-Za-z]+)/.exec(field)?.[1]
    if (name && name !== 'form' && !fields[name]) fields[name] = message
  }
  const named = Object.keys(fields).length > 0 && error.code === 'validation_failed'
  return { fields, message: named ? null : error.message }
}
