import { MembershipDraft, type PledgeContent, type PledgeKind, platformNames } from '@djt/shared'
import type { MembershipRow } from '../memberships/memberships.repository.ts'

export interface Eligibility {
  eligible: boolean
  reason: string | null
  kind: PledgeKind | null
  defaults: Partial<PledgeContent>
}

const KINDS: Partial<Record<MembershipRow['kind'], PledgeKind>> = {
  operator: 'operator',
  rider: 'rider',
}

const WAITING = new Set(['submitted', 'resubmitted', 'needs_info'])

/** Only a verified operator or rider pledges: the plaque must not be available to anyone else. */
export function eligibilityOf(membership: MembershipRow | undefined): Eligibility {
  const refuse = (reason: string): Eligibility => ({
    eligible: false,
    reason,
    kind: null,
    defaults: {},
  })
  if (!membership || membership.state === 'draft' || membership.state === 'withdrawn')
    return refuse('发布承诺前，请先完成党员身份登记并通过核验。')
  const kind = KINDS[membership.kind]
  if (!kind)
    return refuse('承诺由党员经营户或党员骑手本人发布；市场开办方请组织场内党员经营户登记。')
  if (WAITING.has(membership.state))
    return refuse('你的党员登记正在核验中，核验通过后即可发布承诺。')
  if (membership.state !== 'verified')
    return refuse('你的党员登记未通过核验或已被撤销，不能发布承诺。')
  return { eligible: true, reason: null, kind, defaults: defaultsOf(kind, membership) }
}

/** A first pledge starts from what the verified registration already says. */
function defaultsOf(kind: PledgeKind, membership: MembershipRow): Partial<PledgeContent> {
  const form = textFields(membership.form)
  const displayName = membership.name ?? undefined
  if (kind === 'rider') {
    const platform =
      platformNames[form.platform as keyof typeof platformNames] ?? form.platformOther
    return {
      displayName,
      business: [platform, form.deliveryStation].filter(Boolean).join(' ') || undefined,
      role: '党员骑手',
      duties: '文明配送、遵守交通规则，带头服务群众',
    }
  }
  return {
    displayName,
    business: form.businessName,
    ...(form.marketName || form.stallNo
      ? { stall: [form.marketName, form.stallNo].filter(Boolean).join(' ') }
      : {}),
    role: '党员经营户',
    duties: '守法诚信经营，带头维护市场秩序和消费者权益',
  }
}

/** The form's text answers by field (a verified form's defaults are text fields only). */
function textFields(form: MembershipDraft): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(MembershipDraft.parse(form)).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}
