import type { Difficulty } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { eventText, headline, placeText, stateText } from './summary'

/** One difficulty with every answer, oldest first; `children` for the reader's own actions. */
export default function DifficultyCard({
  difficulty,
  children,
}: {
  difficulty: Difficulty
  children?: ReactNode
}) {
  const place = placeText(difficulty)
  return (
    <View className="card voice-card">
      <Text className="voice-card__title">{headline(difficulty)}</Text>
      <Text className="voice-card__state">{stateText(difficulty)}</Text>
      <Text className="voice-card__text">{difficulty.text}</Text>
      {place && <Text className="voice-card__line text-secondary">{`地点：${place}`}</Text>}
      <View className="voice-card__events">
        {difficulty.events.map((event) => (
          <Text key={`${event.kind}-${event.at}`} className="voice-card__event">
            {eventText(event)}
          </Text>
        ))}
      </View>
      {children}
    </View>
  )
}
