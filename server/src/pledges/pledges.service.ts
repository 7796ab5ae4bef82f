import type { PledgeContent } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { UserCaller } from '../auth/access.ts'
import type { CheckedText, ContentChecker } from '../content-check/content-check.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http/errors.ts'
import { findLatestMembership } from '../memberships/memberships.repository.ts'
import { ownPhotoRefusal } from '../uploads/photo-checks.service.ts'
import { eligibilityOf } from './eligibility.ts'
import {
  findPledgeOfUser,
  insertPledge,
  insertVersion,
  supersedePending,
  updatePledge,
} from './pledges.repository.ts'
import { knownTemplateIds } from './templates.repository.ts'

type Db = Kysely<Database>

/** Every text a pledge shows the public, named as the form names it. */
export function pledgeTexts(content: PledgeContent): CheckedText[] {
  const field = (name: string) => `body.content.${name}`
  return [
    { field: field('displayName'), label: '公示姓名', text: content.displayName },
    { field: field('business'), label: '经营户名称或所属站点', text: content.business },
    ...(content.stall ? [{ field: field('stall'), label: '摊位号', text: content.stall }] : []),
    { field: field('role'), label: '职责身份', text: content.role },
    { field: field('duties'), label: '职责内容', text: content.duties },
    ...content.promises.map((item, index) => ({
      field: field(`promises.${index}.text`),
      label: `第${index + 1}条承诺`,
      text: item.text,
    })),
  ]
}

/**
 * A new version for approval. While one is public it stays public; a version still
 * waiting is replaced (kept as superseded). Refused when the person is not a verified member.
 */
export async function submitPledge(
  trx: Db,
  user: UserCaller,
  openid: string | null,
  content: PledgeContent,
  checker: ContentChecker,
): Promise<string> {
  const membership = await findLatestMembership(trx, user.id)
  const eligibility = eligibilityOf(membership)
  if (!eligibility.eligible || !membership || !eligibility.kind)
    throw new ApiError(403, 'forbidden', eligibility.reason ?? '不能发布承诺')
  const verdict = await checker.check(pledgeTexts(content), { openid, scene: 1 })
  if (verdict.blocked.length > 0)
    throw new ApiError(
      400,
      'validation_failed',
      verdict.blocked[0]?.message ?? '内容未通过检查',
      verdict.blocked,
    )
  await refuseUnknownTemplates(trx, content)
  await refuseForeignPhoto(trx, user.id, content.photoId)
  let pledge = await findPledgeOfUser(trx, user.id, { lock: true })
  if (pledge && pledge.status !== 'withdrawn' && pledge.membership_id !== membership.id) {
    // Registered again after a revocation: the old pledge never comes back to life.
    await updatePledge(trx, pledge.id, { status: 'withdrawn', status_reason: '党员登记已更新' })
    pledge = undefined
  }
  const pledgeId =
    pledge && pledge.status !== 'withdrawn'
      ? pledge.id
      : await insertPledge(trx, {
          user_id: user.id,
          membership_id: membership.id,
          kind: eligibility.kind,
          region_code: membership.region_code ?? '',
          region_path: membership.region_path ?? '',
        })
  await supersedePending(trx, pledgeId)
  await insertVersion(trx, pledgeId, content, verdict.notes)
  return pledgeId
}

async function refuseUnknownTemplates(trx: Db, content: PledgeContent): Promise<void> {
  const ids = content.promises.flatMap((item) => (item.templateId ? [item.templateId] : []))
  if (ids.length === 0) return
  const known = await knownTemplateIds(trx, ids)
  const index = content.promises.findIndex((item) => item.templateId && !known.has(item.templateId))
  if (index >= 0)
    throw new ApiError(400, 'validation_failed', `第${index + 1}条承诺的模板不存在，请重新选择`, [
      { field: `body.content.promises.${index}.templateId`, message: '承诺模板不存在' },
    ])
}

/**
 * A pledge shows only a photo its owner uploaded: another member's stall photo or one sent
 * with an anonymous report is refused like a photo that does not exist (whose it is stays
 * unsaid). Uploads unused for a day are deleted.
 */
async function refuseForeignPhoto(
  trx: Db,
  userId: string,
  photoId: string | undefined,
): Promise<void> {
  const refusal = photoId && (await ownPhotoRefusal(trx, photoId, userId))
  if (refusal)
    throw new ApiError(400, 'validation_failed', `${refusal}，请重新上传`, [
      { field: 'body.content.photoId', message: refusal },
    ])
}

/** The owner takes the pledge down: every plaque printed for it reads 已撤销 from now on. */
export async function withdrawPledge(trx: Db, userId: string, reason?: string): Promise<string> {
  const pledge = await findPledgeOfUser(trx, userId, { lock: true })
  if (!pledge || pledge.status === 'withdrawn')
    throw new ApiError(404, 'not_found', '你还没有发布承诺')
  await supersedePending(trx, pledge.id)
  await updatePledge(trx, pledge.id, { status: 'withdrawn', status_reason: reason || '本人撤回' })
  return pledge.id
}
