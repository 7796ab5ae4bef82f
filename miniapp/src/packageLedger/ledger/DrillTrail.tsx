import { Text, View } from '@tarojs/components'
import type { TrailStep } from './trail'
import { useDrillTrail } from './useDrillTrail'

interface Props {
  region: TrailStep
  /** The caller's own region: the trail starts there and goes no higher. */
  own: string | undefined
  onOpen: (code: string) => void
}

/** 福建省 › 福州市 › 鼓楼区 above a drilled-down ledger; every step but the last goes back up. */
export default function DrillTrail({ region, own, onOpen }: Props) {
  const steps = useDrillTrail(region, own)
  return (
    <View className="ledger-trail" aria-label="台账层级">
      {steps.map((step, index) => {
        const last = index === steps.length - 1
        return (
          <Text key={step.code} className="ledger-trail__step">
            {index > 0 && <Text className="ledger-trail__sep"> › </Text>}
            <Text
              className={last ? 'ledger-trail__here' : 'ledger-trail__link'}
              onClick={last ? undefined : () => onOpen(step.code)}
            >
              {step.name}
            </Text>
          </Text>
        )
      })}
    </View>
  )
}
