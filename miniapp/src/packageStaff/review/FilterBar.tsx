import { ScrollView, Text, View } from '@tarojs/components'
import type { ReviewFilters } from '../../services/review'
import { visibleGroups, withFilter } from './filters'

interface Props {
  filters: ReviewFilters
  onChange: (filters: ReviewFilters) => void
}

/** One row of chips per filter (全部: every value). Rows scroll sideways on a phone. */
export default function FilterBar({ filters, onChange }: Props) {
  return (
    <View className="card review__filters">
      {visibleGroups(filters).map((group) => {
        const chosen = filters[group.key]
        return (
          <View key={group.key} className="review__filter-row">
            <Text className="review__filter-label text-secondary">{group.label}</Text>
            <ScrollView scrollX className="review__chips">
              {group.chips.map(([value, label]) => (
                <Text
                  key={value ?? 'any'}
                  className={`review__chip${chosen === value ? ' review__chip--on' : ''}`}
                  onClick={() => onChange(withFilter(filters, group.key, value))}
                >
                  {label}
                </Text>
              ))}
            </ScrollView>
          </View>
        )
      })}
    </View>
  )
}
