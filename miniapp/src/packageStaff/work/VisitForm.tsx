import { chinaToday, LiaisonVisitRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import DateField from '../../components/DateField'
import TextAreaField from '../../components/TextAreaField'
import { useZodForm } from '../../forms/useZodForm'
import { addLiaisonVisit } from '../../services/work'

/** One 走访: the day and what was done (宣讲, 调研, 谈心谈话 …). */
export default function VisitForm(props: {
  pairId: string
  startedOn: string
  onDone: () => void
}) {
  const form = useZodForm({ schema: LiaisonVisitRequest, initial: { visitedOn: '', note: '' } })
  const { values, errors } = form
  const save = async () => {
    const sent = await form.submit((visit) => addLiaisonVisit(props.pairId, visit))
    if (sent?.ok) props.onDone()
  }
  return (
    <View className="work__form">
      <DateField
        label="走访日期"
        start={props.startedOn}
        end={chinaToday()}
        value={values.visitedOn}
        error={errors.visitedOn}
        onChange={(value) => form.set('visitedOn', value)}
      />
      <TextAreaField
        label="走访情况"
        placeholder="如：宣讲党的创新理论，了解经营困难"
        maxlength={500}
        value={values.note}
        error={errors.note}
        onChange={(value) => form.set('note', value)}
      />
      {form.message && <Text className="work__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={save}
      >
        保存走访
      </Button>
    </View>
  )
}
