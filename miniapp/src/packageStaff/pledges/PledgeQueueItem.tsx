import { chinaDateTime, type PledgeQueueItem as Item, pledgeTitles } from '@djt/shared'
import { Text, View } from '@tarojs/components'

/** Who pledged, where, which version, and what the content check flagged. */
export default function PledgeQueueItem({ item, onOpen }: { item: Item; onOpen: () => void }) {
  return (
    <View
      className="card pledge-queue__item"
      hoverClass="pledge-queue__item--pressed"
      onClick={onOpen}
    >
      <View className="pledge-queue__head">
        <Text className="pledge-queue__name">{item.displayName}</Text>
        {item.isEdit && <Text className="pledge-queue__edit">修改</Text>}
      </View>
      <Text className="pledge-queue__meta text-secondary">
        {pledgeTitles[item.kind]} · {item.business} · {item.regionName}
      </Text>
      {item.checkNotes.map((note) => (
        <Text key={note} className="pledge-queue__flag">
          ⚠ {note}
        </Text>
      ))}
      <Text className="pledge-queue__time text-secondary">
        第 {item.number} 版 · 提交于 {chinaDateTime(item.submittedAt)}
      </Text>
    </View>
  )
}
