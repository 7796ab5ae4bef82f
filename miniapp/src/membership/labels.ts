import type { MembershipState, TimelineAction } from '@djt/shared'
import type { Tone } from '../styles/tokens'

// Field names and value text are shared with the server's data export.
export {
  membershipFieldNames as fieldLabels,
  membershipValueText as displayValue,
} from '@djt/shared'

export const timelineActionNames: Record<TimelineAction, string> = {
  saved: '保存草稿',
  submitted: '提交登记',
  edited: '修改登记',
  answered: '补充说明',
  verified: '核验通过',
  rejected: '核验不通过',
  asked: '退回补充',
  revoked: '撤销核验',
  withdrawn: '撤回登记',
}

/** States the member may still change on the register page. */
export const editableStates: readonly MembershipState[] = [
  'draft',
  'submitted',
  'resubmitted',
  'needs_info',
  'rejected',
]

/** The badge colour: green only for 已核验. */
export const stateTones: Record<MembershipState, Tone> = {
  draft: 'muted',
  submitted: 'pending',
  resubmitted: 'pending',
  needs_info: 'attention',
  verified: 'success',
  rejected: 'danger',
  revoked: 'danger',
  withdrawn: 'muted',
}
