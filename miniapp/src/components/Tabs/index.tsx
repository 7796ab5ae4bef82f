import { Text, View } from '@tarojs/components'
import './index.scss'

/** A row of equal tabs (a list's states), the chosen one filled. */
export default function Tabs<K extends string>({
  tabs,
  current,
  onChange,
}: {
  tabs: readonly { key: K; label: string }[]
  current: K
  onChange: (key: K) => void
}) {
  return (
    <View className="card tabs">
      {tabs.map((tab) => (
        <Text
          key={tab.key}
          className={`tab${tab.key === current ? ' tab--on' : ''}`}
          onClick={() => onChange(tab.key)}
        >
          {tab.label}
        </Text>
      ))}
    </View>
  )
}
