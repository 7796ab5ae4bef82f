import type { BulkVerifyResult, ReviewItem } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'

interface BarProps {
  count: number
  busy: boolean
  onVerify: () => void
  onCancel: () => void
}

/** Stays at the bottom while choosing: how many are ticked, and the one action. */
export function BulkBar({ count, busy, onVerify, onCancel }: BarProps) {
  return (
    <View className="review__bulk-bar">
      <Text className="review__bulk-count">已选 {count} 条</Text>
      <Button className="btn review__bulk-button" hoverClass="btn--pressed" onClick={onCancel}>
        取消
      </Button>
      <Button
        className="btn btn--primary review__bulk-button"
        hoverClass="btn--pressed"
        disabled={count === 0 || busy || undefined}
        onClick={onVerify}
      >
        {busy ? '正在核验…' : '核验所选'}
      </Button>
    </View>
  )
}

interface ResultProps {
  result: BulkVerifyResult
  /** The names the reviewer saw, to say which entries were skipped. */
  items: readonly ReviewItem[]
  onClose: () => void
}

/** What the server did: how many it verified, and each skipped entry with its reason. */
export function BulkResult({ result, items, onClose }: ResultProps) {
  const nameOf = (id: string) => items.find((item) => item.id === id)?.name ?? id.slice(0, 8)
  return (
    <View className="card review__bulk-result">
      <Text className="card__title">批量核验结果</Text>
      <Text>
        已核验 {result.verified.length} 条，未处理 {result.skipped.length} 条。
      </Text>
      {result.skipped.map((skip) => (
        <Text key={skip.id} className="review__skipped">
          {nameOf(skip.id)}：{skip.reason}
        </Text>
      ))}
      <Text className="link review__close" onClick={onClose}>
        知道了
      </Text>
    </View>
  )
}
