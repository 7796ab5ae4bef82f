import {
  CheckNotes,
  PledgeContent,
  type PledgeVersion,
  type PublicStatus,
  publicStatusNames,
  type RatingSummary,
} from '@djt/shared'
import type { RatingTotals } from './feedback.repository.ts'
import type { PledgeRow, PledgeVersionRow } from './pledges.repository.ts'

export const PUBLIC_PAGE = 'packagePledge/pages/public/index'

/**
 * What the plaque's plain QR code holds: the server-rendered page (public-page.ts), light
 * enough for a weak signal. Plaques printed before it hold the H5 page's address, which
 * keeps working.
 */
export function publicUrl(baseUrl: string, code: string): string {
  return `${baseUrl}/p/${encodeURIComponent(code)}`
}

/** A base URL only this machine can open (a dev default): plaques printed with it are useless. */
export function isLoopbackUrl(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  )
}

export interface Verdict {
  status: PublicStatus
  statusText: string
  reason: string | null
}

const REASONS: Record<Exclude<PublicStatus, 'valid'>, string> = {
  pending: '该承诺尚在市场监管部门审核中，暂未公示。',
  revoked: '该承诺已撤销：此承诺牌已失效，请勿再信任它。',
  suspended: '经核查群众举报属实，该承诺已暂停公示。',
  invalid: '查无此承诺牌：它可能是伪造的或已作废，请向当地市场监管部门反映。',
}

/**
 * Valid only while the pledge is active, has an approved version, and rests on a
 * registration that is still verified: a revocation shows on the next scan.
 */
export function verdictOf(row: PledgeRow | undefined): Verdict {
  const verdict = (status: PublicStatus, reason: string | null = null): Verdict => ({
    status,
    statusText: publicStatusNames[status],
    reason: reason ?? (status === 'valid' ? null : REASONS[status]),
  })
  if (!row) return verdict('invalid')
  if (row.status === 'withdrawn') return verdict('revoked', '该承诺已由本人撤回：此承诺牌已失效。')
  if (row.member_state !== 'verified')
    return verdict('revoked', '该经营者的党员身份核验已被撤销：此承诺牌已失效，请勿再信任它。')
  if (row.status === 'suspended') return verdict('suspended')
  if (!row.public_version_id) return verdict('pending')
  return verdict('valid')
}

export function toVersion(row: PledgeVersionRow): PledgeVersion {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    content: PledgeContent.parse(row.content),
    checkNotes: CheckNotes.parse(row.check_notes),
    submittedAt: row.submitted_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    comment: row.comment,
  }
}

export function toRating(totals: RatingTotals | undefined): RatingSummary {
  return { average: totals?.average ?? null, count: totals?.count ?? 0 }
}

/** Who issued the plaque: the county's bureau, as printed on it. */
export function issuerOf(regionName: string, parentName: string | null): string {
  const county =
    parentName && !regionName.startsWith(parentName) ? parentName + regionName : regionName
  return `${county}市场监督管理局`
}
