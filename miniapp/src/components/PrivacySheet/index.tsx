import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { openPrivacyGuide } from '../../privacy/contract'
import { type PrivacyQueue, privacyQueue } from '../../privacy/queue'
import './index.scss'

let sheetCount = 0

/**
 * The consent sheet WeChat requires before a privacy API (getLocation…) runs.
 * Put it on every page that may call one; it opens only while a request waits.
 */
export default function PrivacySheet({ queue = privacyQueue }: { queue?: PrivacyQueue }) {
  const [open, setOpen] = useState(queue.isPending())
  // WeChat checks the agree button by id; unique per page so pages never share one.
  const [agreeButtonId] = useState(() => `privacy-agree-${++sheetCount}`)

  useEffect(() => queue.subscribe(setOpen), [queue])
  useEffect(() => {
    if (open) queue.markShown()
  }, [open, queue])

  if (!open) return null
  return (
    <View className="privacy-sheet" catchMove>
      <View className="privacy-sheet__panel">
        <Text className="privacy-sheet__title">隐私保护提示</Text>
        <Text className="privacy-sheet__body">
          查找附近的爱心驿站等功能需要使用你的位置信息。请先阅读
        </Text>
        <Text className="link privacy-sheet__link" onClick={openPrivacyGuide}>
          《党建通隐私保护指引》
        </Text>
        <Text className="privacy-sheet__body">
          同意后才会使用相关功能；不同意也可以手动选择地区。
        </Text>
        <View className="privacy-sheet__actions">
          <Button
            className="btn privacy-sheet__button"
            hoverClass="btn--pressed"
            onClick={() => queue.answer({ event: 'disagree' })}
          >
            不同意
          </Button>
          <Button
            id={agreeButtonId}
            className="btn btn--primary privacy-sheet__button"
            hoverClass="btn--pressed"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() =>
              queue.answer({ event: 'agree', buttonId: agreeButtonId })
            }
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
