import type { PledgeContent } from '@djt/shared'
import { Image, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { contentFields } from './labels'
import './pledge.scss'

interface Props {
  heading: string
  content: Omit<PledgeContent, 'photoId'>
  photoUrl?: string | null | undefined
  /** Marks beside the heading (a state badge). */
  extra?: ReactNode
}

/** 亮身份, 亮职责 and the numbered promises of one version. */
export default function PledgeContentCard({ heading, content, photoUrl, extra }: Props) {
  return (
    <View className="card pledge-content">
      <View className="pledge-content__head">
        <Text className="card__title">{heading}</Text>
        {extra}
      </View>
      {contentFields.map(({ key, label }) =>
        content[key] ? (
          <View key={key} className="pledge-content__row">
            <Text className="pledge-content__label text-secondary">{label}</Text>
            <Text className="pledge-content__value">{content[key]}</Text>
          </View>
        ) : null,
      )}
      <PromiseList promises={content.promises} />
      {photoUrl && <Image className="pledge-content__photo" src={photoUrl} mode="aspectFill" />}
    </View>
  )
}

export function PromiseList({ promises }: { promises: readonly { text: string }[] }) {
  return (
    <View className="pledge-promises">
      {promises.map((promise, index) => (
        <View key={promise.text} className="pledge-promises__item">
          <Text className="pledge-promises__number">{index + 1}</Text>
          <Text className="pledge-promises__text">{promise.text}</Text>
        </View>
      ))}
    </View>
  )
}
