import { EvaluationRequest, evaluablePeriods, MODEL_STORE_AWARD, periodLabel } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import SwitchField from '../../components/SwitchField'
import TextAreaField from '../../components/TextAreaField'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'

interface Props {
  busy: boolean
  onEvaluate: (evaluation: EvaluationRequest) => Promise<boolean>
}

/** The evaluation as typed: the score stays text until checked. */
interface Typed {
  period: string
  score: string
  note: string
  award: boolean
}

/** 事后评价: a half-year's score, a note, and whether it is a 党员诚信示范店. */
export default function EvaluationForm({ busy, onEvaluate }: Props) {
  const periods = evaluablePeriods(new Date())
  const form = useZodForm<Typed, EvaluationRequest>({
    schema: EvaluationRequest,
    initial: { period: periods[0] ?? '', score: '', note: '', award: false },
    toInput: (typed: Typed) => ({
      period: typed.period,
      score: typed.score.trim() === '' ? undefined : Number(typed.score),
      note: typed.note.trim() || undefined,
      award: typed.award,
    }),
  })
  const { values, errors, set } = form

  const send = async () => {
    const evaluation = form.validate()
    if (!evaluation) return
    // Saved: the next evaluation starts blank, for the same period.
    if (await onEvaluate(evaluation)) {
      form.resetFrom((typed) => ({ ...typed, score: '', note: '', award: false }))
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
            className={`pledge-detail__period${value === values.period ? ' pledge-detail__period--on' : ''}`}
            onClick={() => set('period', value)}
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
        value={values.score}
        error={errors.score}
        onChange={(text) => set('score', text)}
      />
      <TextAreaField
        label="评价说明（选填）"
        placeholder="如：半年内无投诉，带动周边摊户明码标价"
        maxlength={200}
        value={values.note}
        error={errors.note}
        onChange={(text) => set('note', text)}
      />
      <SwitchField
        label={`评为${MODEL_STORE_AWARD}`}
        value={values.award}
        error={errors.award}
        onChange={(on) => set('award', on)}
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
