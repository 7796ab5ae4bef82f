import type { Decision, MembershipState, TimelineAction } from '@djt/shared'

/** What the member asked for, as the state machine sees it. */
export type MemberAction = 'save' | 'submit' | 'withdraw'

export interface Transition {
  to: MembershipState
  action: TimelineAction
}

export class TransitionRefused extends Error {
  override name = 'TransitionRefused'
}

const EDITABLE: MembershipState[] = ['draft', 'submitted', 'resubmitted', 'needs_info', 'rejected']

/**
 * The member's side. A pending entry can be edited and stays pending; answering a question
 * or fixing a rejected entry puts it back in the queue as resubmitted. A draft is only a draft.
 */
export function memberTransition(from: MembershipState | null, action: MemberAction): Transition {
  if (from === null) {
    if (action === 'save') return { to: 'draft', action: 'saved' }
    if (action === 'submit') return { to: 'submitted', action: 'submitted' }
    throw new TransitionRefused('还没有登记，无需撤回')
  }
  if (!EDITABLE.includes(from)) {
    throw new TransitionRefused(
      from === 'verified' ? '已核验的登记不能自行修改，如需变更请联系辖区工作人员' : '该登记已结束',
    )
  }
  if (action === 'withdraw') return { to: 'withdrawn', action: 'withdrawn' }
  if (action === 'save') {
    if (from !== 'draft') throw new TransitionRefused('已提交的登记不能存为草稿，请直接提交修改')
    return { to: 'draft', action: 'saved' }
  }
  if (from === 'draft') return { to: 'submitted', action: 'submitted' }
  if (from === 'needs_info') return { to: 'resubmitted', action: 'answered' }
  if (from === 'rejected') return { to: 'resubmitted', action: 'submitted' }
  return { to: from, action: 'edited' }
}

const PENDING: MembershipState[] = ['submitted', 'resubmitted']

/** The bureau's side: decide on a pending entry, or revoke a verified one. */
export function staffTransition(from: MembershipState, decision: Decision): Transition {
  if (decision === 'revoke') {
    if (from !== 'verified') throw new TransitionRefused('只能撤销已核验的登记')
    return { to: 'revoked', action: 'revoked' }
  }
  if (!PENDING.includes(from)) throw new TransitionRefused('该登记当前不在待核验状态')
  if (decision === 'verify') return { to: 'verified', action: 'verified' }
  if (decision === 'reject') return { to: 'rejected', action: 'rejected' }
  return { to: 'needs_info', action: 'asked' }
}

/** States that sit in the review queue (needs_info waits on the member, but staff may look). */
export const QUEUE_STATES: MembershipState[] = ['submitted', 'resubmitted', 'needs_info']
