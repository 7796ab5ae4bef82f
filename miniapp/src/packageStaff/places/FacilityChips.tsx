import { type Facility, facilityNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'

interface Props {
  value: Facility[]
  onChange: (value: Facility[]) => void
}

/** Every facility as a chip; a tap turns it on or off. */
export default function FacilityChips({ value, onChange }: Props) {
  return (
    <View className="place-form__group" id="field-facilities">
      <Text className="hours__label">设施</Text>
      <View className="place-form__chips">
        {(Object.keys(facilityNames) as Facility[]).map((facility) => {
          const on = value.includes(facility)
          return (
            <Text
              key={facility}
              className={`place-form__chip${on ? ' place-form__chip--on' : ''}`}
              onClick={() =>
                onChange(on ? value.filter((f) => f !== facility) : [...value, facility])
              }
            >
              {facilityNames[facility]}
            </Text>
          )
        })}
      </View>
    </View>
  )
}
