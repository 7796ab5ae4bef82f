import type { RatingSummary } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { ApiError } from '../../services/http'
import { ratePledge } from '../../services/pledges'
import { checkRating } from './feedback'

interface Props {
  code: string
  onRated: (rating: RatingSummary | undefined) => void
  onClose: () => void
}

const scoreWords = ['', '很差', '较差', '一般', '满意', '非常满意']

/** 1–5 stars, each a big target, and an optional word; the server's answer is shown as is. */
export default function RateSheet({ code, onRated, onClose }: Props) {
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async () => {
    const checked = checkRating(score, comment)
    if (!checked.ok) return setProblem(checked.problem)
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      const answer = await ratePledge(code, checked.request)
      onRated(answer.rating)
      await Taro.showModal({
        title: '评价已提交',
        content: answer.message,
        showCancel: false,
        confirmText: '好的',
      })
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '提交失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Sheet title="评价这位党员" onClose={onClose}>
      <View className="rate-sheet__stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <Text
            key={n}
            className={`rate-sheet__star${score !== null && n <= score ? ' rate-sheet__star--on' : ''}`}
            aria-label={`${n}星`}
            onClick={() => {
              setScore(n)
              setProblem(null)
            }}
          >
            ★
          </Text>
        ))}
      </View>
      <Text className="rate-sheet__word text-secondary">
        {score ? `${score} 星 · ${scoreWords[score]}` : '点星星打分'}
      </Text>
      <TextAreaField
        label="说两句（选填）"
        placeholder="如：服务热情，价格公道"
        maxlength={100}
        value={comment}
        onChange={setComment}
      />
      {problem && <Text className="public-sheet__problem">{problem}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={send}
      >
        {busy ? '正在提交…' : '提交评价'}
      </Button>
    </Sheet>
  )
}
