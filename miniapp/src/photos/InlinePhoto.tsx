import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiError } from '../services/http'
import { releaseFromDevice } from '../services/transfer'
import './inline-photo.scss'

type Shown =
  | { phase: 'closed' }
  | { phase: 'loading' }
  | { phase: 'open'; url: string }
  | { phase: 'failed'; problem: string }

/**
 * A photo that needs the caller's token, opened in place under its link: the list stays
 * where it was; a tap on the photo shows it full screen, 收起 closes it again.
 */
export default function InlinePhoto({
  fetchPhoto,
  label,
}: {
  fetchPhoto: () => Promise<string>
  label: string
}) {
  const [shown, setShown] = useState<Shown>({ phase: 'closed' })
  // The photo in memory goes when it is folded away or the list is left.
  const url = shown.phase === 'open' ? shown.url : null
  useEffect(() => (url ? () => releaseFromDevice(url) : undefined), [url])
  const open = async () => {
    setShown({ phase: 'loading' })
    try {
      setShown({ phase: 'open', url: await fetchPhoto() })
    } catch (error) {
      const problem = error instanceof ApiError ? error.message : '照片打开失败，请稍后重试'
      setShown({ phase: 'failed', problem })
    }
  }
  if (shown.phase === 'open')
    return (
      <View className="inline-photo">
        <Image
          className="inline-photo__image"
          src={shown.url}
          mode="aspectFit"
          aria-label={label}
          onClick={() => void Taro.previewImage({ urls: [shown.url], current: shown.url })}
        />
        <Text className="link inline-photo__link" onClick={() => setShown({ phase: 'closed' })}>
          收起照片
        </Text>
      </View>
    )
  return (
    <View className="inline-photo">
      {shown.phase === 'failed' && <Text className="inline-photo__problem">{shown.problem}</Text>}
      <Text
        className="link inline-photo__link"
        onClick={shown.phase === 'loading' ? undefined : () => void open()}
      >
        {shown.phase === 'loading' ? '正在打开照片…' : shown.phase === 'failed' ? '重试' : label}
      </Text>
    </View>
  )
}
