import { RateRequest, type RatingSummary } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { useZodForm } from '../../forms/useZodForm'
import { useMutation } from '../../hooks/useMutation'
import { ratePledge } from '../../services/pledges'
import { rateInput } from './feedback'

interface Props {
  code: string
  onRated: (rating: RatingSummary | undefined) => void
  onClose: () => void
}

const scoreWords = ['', '很差', '较差', '一般', '满意', '非常满意']

/** 1–5 stars, each a big target, and an optional word; the server's answer is shown as is. */
export default function RateSheet({ code, onRated, onClose }: Props) {
  const form = useZodForm({
    schema: RateRequest,
    initial: { score: null as number | null, comment: '' },
    toInput: rateInput,
  })
  const sending = useMutation({ fallback: '提交失败，请稍后重试' })
  const { score, comment } = form.values
  const problem = form.errors.score ?? form.errors.comment ?? form.message
  const busy = sending.busy

  const send = async () => {
    const request = form.validate()
    if (!request) return
    const outcome = await sending.run(async () => {
      const answer = await ratePledge(code, request)
      onRated(answer.rating)
      await Taro.showModal({
        title: '评价已提交',
        content: answer.message,
        showCancel: false,
        confirmText: '好的',
      })
    })
    if (!outcome.ok && outcome.error) form.show({}, outcome.error.message)
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
              form.set('score', n)
              form.show({}, null)
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
        onChange={(value) => form.set('comment', value)}
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
