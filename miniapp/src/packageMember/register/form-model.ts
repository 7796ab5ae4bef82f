import {
  type MembershipDraft,
  MembershipForm,
  type MembershipKind,
  type MyMembership,
  SaveMembershipRequest,
} from '@djt/shared'
import { type FieldMessages, type IssuePath, isBlank } from '../../forms/issues'
import type { ZodFormOptions } from '../../forms/useZodForm'
import { fieldOrder } from '../../membership/fields'
import { fieldLabels } from '../../membership/labels'

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

/** A photo sent with the answer (uploaded already), e.g. a screenshot staff asked for. */
export interface AnswerPhoto {
  id: string
  preview: string
}

/** The register form as typed: the draft's fields (no kind yet: not chosen), the reply and its photo. */
export type RegisterValues = Omit<MembershipDraft, 'kind'> & {
  kind?: MembershipKind
  answer: string
  answerPhoto: AnswerPhoto | null
}

export function valuesOf(draft: MembershipDraft | null, answer: string): RegisterValues {
  return { ...draft, answer, answerPhoto: null }
}

/** The draft part of the form, or null before a kind is chosen. */
export function draftOf(values: RegisterValues): MembershipDraft | null {
  const { answer: _answer, answerPhoto: _photo, kind, ...fields } = values
  return kind ? { ...fields, kind } : null
}

/** What the page knows of the stored entry: a masked mobile, and whether a question waits. */
type Stored = Pick<MyMembership, 'mobileMasked' | 'state'> | null

// Stands in for a kept mobile so the rest of the form is checked; it is never sent.
const KEPT_MOBILE = '13800000000'

/** The reply to a staff question, checked by the request's own rule. */
export function answerProblem(answer: string): string | undefined {
  const parsed = SaveMembershipRequest.shape.answer.safeParse(answer, { jitless: true })
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

/** The field a message belongs to: `body.form.mobile` → mobile, `body.answerPhotoId` → the photo. */
export function fieldOfIssue(path: IssuePath): string | undefined {
  const [field] = path
  if (typeof field !== 'string' || field === 'form') return undefined
  return field === 'answerPhotoId' ? 'answerPhoto' : field
}

/**
 * How useZodForm checks the register form: the shared MembershipForm, with a stored mobile
 * left empty kept, "请选择…" for pickers left unchosen, and the reply while a question waits.
 */
export function registerChecks(mine: Stored) {
  return {
    schema: MembershipForm,
    toInput: (values: RegisterValues) => {
      const draft = draftOf(values)
      const data: Record<string, unknown> = draft ? toSubmittable(draft) : {}
      return { ...data, mobile: data.mobile ?? '' }
    },
    kept: (): Record<string, unknown> => (mine?.mobileMasked ? { mobile: KEPT_MOBILE } : {}),
    say: (field: string, message: string, values: RegisterValues) =>
      pickedFields.has(field) && isBlank(values[field])
        ? `请选择${fieldLabels[field] ?? ''}`
        : message,
    refine: (values: RegisterValues): FieldMessages => {
      const problem = mine?.state === 'needs_info' ? answerProblem(values.answer) : undefined
      return problem ? { answer: problem } : {}
    },
    fieldOf: fieldOfIssue,
    serverPrefixes: ['body.form.', 'body.'],
    checkMessage: '请按红色提示修改后再提交',
    scroll: {
      order: (values: RegisterValues) =>
        values.kind ? [...fieldOrder[values.kind], 'answer'] : [],
      selector: (field: string | undefined) => field && `#field-${field}`,
    },
  } satisfies Omit<ZodFormOptions<RegisterValues, MembershipForm>, 'initial'>
}

/** The reply goes along only while a staff question waits for one. */
export function answerOf(mine: Stored, answer: string): { answer?: string } {
  const reply = answer.trim()
  return mine?.state === 'needs_info' && reply ? { answer: reply } : {}
}

/** What 提交 sends once the form passed: the form, and the reply with its photo when asked. */
export function submitRequest(
  form: MembershipDraft,
  values: RegisterValues,
  mine: Stored,
): SaveMembershipRequest {
  const photo = values.answerPhoto
  return {
    action: 'submit',
    form,
    ...answerOf(mine, values.answer),
    // Sent only with an answer: the server refuses a photo on any other step.
    ...(mine?.state === 'needs_info' && photo ? { answerPhotoId: photo.id } : {}),
  }
}
