import { ScrollView, Text } from '@tarojs/components'
import type { PlaceFilters } from '../services/places'
import { chipList, isOn, toggle } from './filters'

interface Props {
  filters: PlaceFilters
  onChange: (filters: PlaceFilters) => void
}

/** One sideways-scrolling row of chips: 营业中, the kinds, the key facilities. */
export default function FilterBar({ filters, onChange }: Props) {
  return (
    <ScrollView scrollX className="nearby__chips">
      {chipList().map(({ chip, label }) => {
        const on = isOn(filters, chip)
        return (
          <Text
            key={label}
            className={`nearby__chip${on ? ' nearby__chip--on' : ''}`}
            onClick={() => onChange(toggle(filters, chip))}
          >
            {label}
          </Text>
        )
      })}
    </ScrollView>
  )
}
