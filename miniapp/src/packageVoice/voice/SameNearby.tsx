import { type DifficultyCategory, difficultyCategoryNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { formatDistance } from '../../places/format'
import {
  addMeToo,
  fetchNearbyDifficulties,
  type NearbyDifficulty,
} from '../../services/difficulties'

/** At most this many are shown: the nearest open ones of the same kind. */
const SHOWN = 5

/**
 * Once the rider has chosen a place: the open difficulties already raised within 2 km
 * (of the chosen kind, when one is chosen), each with 我也遇到, so the same estate's
 * difficulty gathers its riders instead of being filed again. No rider is named.
 */
export default function SameNearby({
  point,
  category,
}: {
  point: { lat: number; lng: number } | undefined
  category: DifficultyCategory | undefined
}) {
  const [items, setItems] = useState<NearbyDifficulty[]>([])
  const mutation = useMutation<string>({ failure: 'toast' })
  const lat = point?.lat
  const lng = point?.lng
  useEffect(() => {
    let current = true
    if (lat === undefined || lng === undefined) {
      setItems([])
      return
    }
    fetchNearbyDifficulties({ lat, lng }, category).then(
      (found) => {
        if (current) setItems(found.slice(0, SHOWN))
      },
      // A weak signal: the form works without this list.
      () => {
        if (current) setItems([])
      },
    )
    return () => {
      current = false
    }
  }, [lat, lng, category])
  if (items.length === 0) return null
  const meToo = async (item: NearbyDifficulty) => {
    const outcome = await mutation.run(() => addMeToo(item.id), item.id)
    if (!outcome.ok) return
    setItems((shown) =>
      shown.map((each) =>
        each.id === item.id ? { ...each, meToo: each.meToo + 1, meTooByMe: true } : each,
      ),
    )
    void Taro.showToast({ title: '已记上你也遇到', icon: 'success' })
  }
  return (
    <View className="card voice-same">
      <Text className="card__title">附近已有人提出</Text>
      <Text className="text-secondary">
        是同一件事就点“我也遇到”，不必重复提交；不是的话请继续填写。
      </Text>
      {items.map((item) => (
        <View key={item.id} className="voice-same__item">
          <Text className="voice-card__title">
            {`${difficultyCategoryNames[item.category]} · ${item.place?.name ?? item.place?.address ?? ''}`}
          </Text>
          <Text className="voice-card__line">{item.text}</Text>
          <Text className="voice-card__line text-secondary">
            {`${formatDistance(item.distance)} · ${item.meToo} 人也遇到`}
          </Text>
          {item.mine ? (
            <Text className="voice-card__line text-secondary">这是你提出的</Text>
          ) : (
            <Button
              className="btn"
              hoverClass="btn--pressed"
              disabled={item.meTooByMe || mutation.busy || undefined}
              onClick={() => meToo(item)}
            >
              {item.meTooByMe ? '已记上“我也遇到”' : '我也遇到'}
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}
