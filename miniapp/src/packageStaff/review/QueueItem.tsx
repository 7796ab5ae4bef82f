import {
  chinaDateTime,
  evidenceStrengthNames,
  membershipKindNames,
  type ReviewItem,
} from '@djt/shared'
import { Text, View } from '@tarojs/components'
import StateBadge from '../../components/StateBadge'

interface Props {
  item: ReviewItem
  /** In bulk mode: whether the item can be ticked, and whether it is. */
  selectable: boolean
  selected: boolean
  onOpen: () => void
  onToggle: () => void
}

/** One entry in the queue: who, what, where, and how strongly the registers back it. */
export default function QueueItem({ item, selectable, selected, onOpen, onToggle }: Props) {
  return (
    <View
      className={`card review__item${selected ? ' review__item--selected' : ''}`}
      hoverClass="review__item--pressed"
      onClick={selectable ? onToggle : onOpen}
    >
      {selectable && (
        <Text className={`review__check${selected ? ' review__check--on' : ''}`}>
          {selected ? '✓' : ''}
        </Text>
      )}
      <View className="review__item-body">
        <View className="review__item-head">
          <Text className="review__name">{item.name}</Text>
          <StateBadge state={item.state} />
        </View>
        <Text className="review__meta text-secondary">
          {membershipKindNames[item.kind]} · {item.regionName}
          {item.mobileMasked ? ` · ${item.mobileMasked}` : ''}
        </Text>
        <View className="review__item-foot">
          <Text className={`review__strength review__strength--${item.strength}`}>
            证据强度：{evidenceStrengthNames[item.strength]}（{item.matchingSources} 个名录一致）
          </Text>
          <Text className="review__time text-secondary">{chinaDateTime(item.submittedAt)}</Text>
        </View>
      </View>
    </View>
  )
}
