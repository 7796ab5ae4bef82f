import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  title: string
  onClose: () => void
  children: ReactNode
}

/**
 * A panel over the page from the bottom, in thumb reach (a centred modal at a desk); tapping
 * the dim area closes it.
 */
export default function Sheet({ title, onClose, children }: Props) {
  return (
    <View className="sheet" catchMove>
      <View className="sheet__backdrop" onClick={onClose} />
      <View className="sheet__panel">
        <View className="sheet__head">
          <Text className="sheet__title">{title}</Text>
          <Text className="sheet__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        <View className="sheet__body">{children}</View>
      </View>
      <View className="sheet__backdrop sheet__backdrop--after" onClick={onClose} />
    </View>
  )
}
