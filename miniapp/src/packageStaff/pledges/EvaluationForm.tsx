import { EvaluationRequest, evaluablePeriods, MODEL_STORE_AWARD, periodLabel } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import SwitchField from '../../components/SwitchField'
import TextAreaField from '../../components/TextAreaField'
import TextField from '../../components/TextField'

interface Props {
  busy: boolean
  onEvaluate: (evaluation: EvaluationRequest) => Promise<boolean>
}

type Errors = Partial<Record<'period' | 'score' | 'note' | 'award', string>>

/** 事后评价: a half-year's score, a note, and whether it is a 党员诚信示范店. */
export default function EvaluationForm({ busy, onEvaluate }: Props) {
  const periods = evaluablePeriods(new Date())
  const [period, setPeriod] = useState(periods[0] ?? '')
  const [score, setScore] = useState('')
  const [note, setNote] = useState('')
  const [award, setAward] = useState(false)
  const [errors, setErrors] = useState<Errors>({})

  const send = async () => {
    const parsed = EvaluationRequest.safeParse(
      {
        period,
        score: score.trim() === '' ? undefined : Number(score),
        note: note.trim() || undefined,
        award,
      },
      { jitless: true },
    )
    if (!parsed.success) {
      const found: Errors = {}
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Errors
        found[key] ??= issue.message
      }
      return setErrors(found)
    }
    setErrors({})
    if (await onEvaluate(parsed.data)) {
      setScore('')
      setNote('')
      setAward(false)
    }
  }
  return (
    <View className="card">
      <Text className="card__title">考评（比作为）</Text>
      <Text className="pledge-detail__label">评价周期</Text>
      <View className="pledge-detail__periods">
        {periods.map((value) => (
          <Text
            key={value}
            className={`pledge-detail__period${value === period ? ' pledge-detail__period--on' : ''}`}
            onClick={() => setPeriod(value)}
          >
            {periodLabel(value)}
          </Text>
        ))}
      </View>
      {errors.period && <Text className="pledge-detail__error">{errors.period}</Text>}
      <TextField
        label="评分（0–100）"
        placeholder="如 92"
        type="number"
        maxlength={3}
        value={score}
        error={errors.score}
        onChange={setScore}
      />
      <TextAreaField
        label="评价说明（选填）"
        placeholder="如：半年内无投诉，带动周边摊户明码标价"
        maxlength={200}
        value={note}
        error={errors.note}
        onChange={setNote}
      />
      <SwitchField
        label={`评为${MODEL_STORE_AWARD}`}
        value={award}
        error={errors.award}
        onChange={setAward}
      />
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={send}
      >
        保存考评
      </Button>
    </View>
  )
}
