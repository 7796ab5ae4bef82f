import { chinaToday, LiaisonVisitRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import DateField from '../../components/DateField'
import TextAreaField from '../../components/TextAreaField'
import { addLiaisonVisit } from '../../services/work'
import { useWorkForm } from './useWorkForm'

const keys = ['visitedOn', 'note'] as const

/** One 走访: the day and what was done (宣讲, 调研, 谈心谈话 …). */
export default function VisitForm(props: {
  pairId: string
  startedOn: string
  onDone: () => void
}) {
  const [visitedOn, setVisitedOn] = useState('')
  const [note, setNote] = useState('')
  const { errors, busy, submit } = useWorkForm(LiaisonVisitRequest, keys)
  const save = async () => {
    const sent = await submit({ visitedOn, note }, (visit) => addLiaisonVisit(props.pairId, visit))
    if (sent) props.onDone()
  }
  return (
    <View className="work__form">
      <DateField
        label="走访日期"
        start={props.startedOn}
        end={chinaToday()}
        value={visitedOn}
        error={errors.fields.visitedOn}
        onChange={setVisitedOn}
      />
      <TextAreaField
        label="走访情况"
        placeholder="如：宣讲党的创新理论，了解经营困难"
        maxlength={500}
        value={note}
        error={errors.fields.note}
        onChange={setNote}
      />
      {errors.message && <Text className="work__error">{errors.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={save}
      >
        保存走访
      </Button>
    </View>
  )
}
