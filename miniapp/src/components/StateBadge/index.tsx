import { type MembershipState, membershipStateNames } from '@djt/shared'
import { Text } from '@tarojs/components'
import { stateTones } from '../../membership/labels'
import './index.scss'

/** 已核验 in green, 待核验 in blue, 需补充 in orange, 未通过 in red, the rest grey. */
export default function StateBadge({ state, large }: { state: MembershipState; large?: boolean }) {
  const size = large ? ' state-badge--large' : ''
  return (
    <Text className={`state-badge state-badge--${stateTones[state]}${size}`}>
      {membershipStateNames[state]}
    </Text>
  )
}
