import { Text, View } from '@tarojs/components'
import { useRegionName } from '../../hooks/useRegionName'
import type { MyMembership } from '../../services/memberships'
import { nextStep, reviewingBureau, reviewRegionCode } from './next-steps'

/** Who verifies this entry (the county bureau of the work region) and what happens next. */
export default function NextStepCard({ mine }: { mine: MyMembership }) {
  const code = reviewRegionCode(mine.form)
  const name = useRegionName(code)
  // useRegionName gives the bare code until the name arrives, or when the lookup fails.
  const bureau = reviewingBureau(name && name !== code ? name : null)
  return (
    <View className="card status__next">
      <Text className="status__bureau">由 {bureau} 核验</Text>
      <Text className="status__next-step">{nextStep(mine.state, mine.kind, bureau)}</Text>
    </View>
  )
}
