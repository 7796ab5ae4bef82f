import {
  type MembershipDraft,
  type MembershipForm,
  normalizeText,
  type SaveMembershipRequest,
} from '@djt/shared'
import type { Kysely, Updateable } from 'kysely'
import type { UserCaller } from '../auth/access.ts'
import { setUserKind } from '../auth/users.repository.ts'
import type { FieldCipher } from '../crypto/field-cipher.ts'
import type { Database, MembershipTable } from '../db/schema.ts'
import { recomputeEvidence } from '../evidence/evidence.service.ts'
import { ApiError } from '../http/errors.ts'
import { jsonArray } from '../kernel/json-array.ts'
import { PRIVACY_NOTICE } from '../me/privacy-notice.ts'
import { ownPhotoRefusal } from '../uploads/photo-checks.service.ts'
import { type CheckedSubmission, checkSubmission } from './form-check.ts'
import {
  insertEvent,
  insertMembership,
  lockOpenMembership,
  type MembershipRow,
  updateMembership,
} from './memberships.repository.ts'
import { sealSecrets, splitSecrets } from './secrets.ts'
import { memberTransition, TransitionRefused } from './state-machine.ts'

type Db = Kysely<Database>
/** Columns one save writes, besides state and kind. */
type Columns = Updateable<MembershipTable> & { form: MembershipDraft }

/** Personal data is stored only after the person accepted the current privacy notice. */
export function requireConsent(user: UserCaller): void {
  if (user.privacyVersion !== PRIVACY_NOTICE.version)
    throw new ApiError(403, 'privacy_consent_required', '请先阅读并同意隐私保护指引')
}

/** Create, save or submit the caller's entry; one transaction, the row locked meanwhile. */
export async function saveMembership(
  trx: Db,
  cipher: FieldCipher,
  user: UserCaller,
  body: SaveMembershipRequest,
): Promise<{ row: MembershipRow; created: boolean }> {
  requireConsent(user)
  const current = await lockOpenMembership(trx, user.id)
  if (current && current.kind !== body.form.kind && current.state !== 'draft')
    throw new ApiError(409, 'conflict', '已有其他类型的登记，不能更改登记类型')
  const transition = refuseAsConflict(() => memberTransition(current?.state ?? null, body.action))
  const answerPhoto = transition.action === 'answered' ? body.answerPhotoId : undefined
  if (body.answerPhotoId && !answerPhoto)
    throw new ApiError(409, 'conflict', '只有回答审核人员的提问时才能附照片')
  if (answerPhoto) await requireOwnPhoto(trx, user.id, answerPhoto)
  const { form, secrets } = splitSecrets(cipher, body.form, current)
  let columns: Columns = { form, ...sealSecrets(cipher, secrets) }
  if (body.action === 'submit') {
    const typed = {
      ...form,
      mobile: secrets.mobile ?? undefined,
      idNumber: secrets.idNumber ?? undefined,
    }
    const checked = await checkSubmission(trx, typed as MembershipDraft)
    columns = submittedColumns(cipher, checked, current)
  }
  const changes = { ...columns, state: transition.to, kind: body.form.kind }
  const row = current
    ? await updateMembership(trx, current.id, changes)
    : await insertMembership(trx, { ...changes, user_id: user.id })
  await insertEvent(trx, {
    membership_id: row.id,
    actor_id: user.id,
    actor_role: 'member',
    actor_label: '本人',
    action: transition.action,
    from_state: current?.state ?? null,
    to_state: transition.to,
    note: transition.action === 'answered' ? (body.answer ?? null) : null,
    photo_id: answerPhoto ?? null,
  })
  if (body.action === 'submit') {
    await setUserKind(trx, user.id, body.form.kind)
    await recomputeEvidence(trx, { membershipIds: [row.id] })
  }
  return { row, created: !current }
}

/** Only a photo this member uploaded: never another person's stall or report photo. */
async function requireOwnPhoto(trx: Db, userId: string, photoId: string): Promise<void> {
  const refusal = await ownPhotoRefusal(trx, photoId, userId)
  if (refusal)
    throw new ApiError(400, 'validation_failed', `${refusal}，请重新上传`, [
      { field: 'answerPhotoId', message: `${refusal}，请重新上传` },
    ])
}

/** The member withdraws an entry that is not yet decided (or was rejected). */
export async function withdrawMembership(trx: Db, user: UserCaller): Promise<MembershipRow> {
  const current = await lockOpenMembership(trx, user.id)
  if (!current) throw new ApiError(404, 'not_found', '还没有登记')
  const transition = refuseAsConflict(() => memberTransition(current.state, 'withdraw'))
  const row = await updateMembership(trx, current.id, { state: transition.to, queued_at: null })
  await insertEvent(trx, {
    membership_id: row.id,
    actor_id: user.id,
    actor_role: 'member',
    actor_label: '本人',
    action: transition.action,
    from_state: current.state,
    to_state: transition.to,
    note: null,
  })
  return row
}

/** The columns the queue, the evidence and the ledgers read, copied from a valid form. */
function submittedColumns(
  cipher: FieldCipher,
  { form, regionPath, warnings }: CheckedSubmission,
  current: MembershipRow | undefined,
): Columns {
  const { mobile, idNumber, ...rest } = form as MembershipForm & { idNumber?: string }
  const requeue = !current || ['draft', 'needs_info', 'rejected'].includes(current.state)
  return {
    form: rest,
    ...sealSecrets(cipher, { mobile, idNumber: idNumber ?? null }),
    name: form.kind === 'market_opener' ? form.contactName : form.name,
    region_code: form.kind === 'market_opener' ? form.regionCode : form.workRegionCode,
    region_path: regionPath,
    platform: form.kind === 'rider' ? form.platform : null,
    rider_id_norm: form.kind === 'rider' ? normalizeText(form.riderId) : null,
    uscc: form.kind === 'rider' ? null : (form.uscc ?? null),
    warnings: jsonArray(warnings),
    question: null,
    ...(requeue ? { queued_at: new Date() } : {}),
  }
}

/** A refused transition is the caller's conflict with the entry's current state. */
export function refuseAsConflict<T>(decide: () => T): T {
  try {
    return decide()
  } catch (error) {
    if (error instanceof TransitionRefused) throw new ApiError(409, 'conflict', error.message)
    throw error
  }
}
