import { Button, Text } from '@tarojs/components'
import { useState } from 'react'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { useFocusField, useSubmitKey } from '../../hooks/useKeys'
import { useMutation } from '../../hooks/useMutation'

interface Props {
  title: string
  label: string
  placeholder: string
  /** What happens on 确认, said once more before it happens. */
  explanation: string
  confirmText: string
  /** The note's problem, or undefined when it may be sent. */
  check: (note: string) => string | undefined
  onConfirm: (note: string) => Promise<void>
  onClose: () => void
}

const FIELD_ID = 'note-dialog-field'

/** Asks for the words a decision needs (a question, a reason) and confirms it in one place. */
export default function NoteDialog(props: Props) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | undefined>()
  const sending = useMutation()
  const confirm = async () => {
    const problem = props.check(note)
    setError(problem)
    if (problem) return
    await sending.run(() => props.onConfirm(note.trim()))
  }
  useSubmitKey(() => void confirm())
  useFocusField(FIELD_ID)
  return (
    <Sheet title={props.title} onClose={props.onClose}>
      <Text className="detail__explain">{props.explanation}</Text>
      <TextAreaField
        label={props.label}
        placeholder={props.placeholder}
        value={note}
        error={error}
        onChange={setNote}
        id={FIELD_ID}
        focus
      />
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={sending.busy || undefined}
        onClick={confirm}
      >
        {props.confirmText}
      </Button>
    </Sheet>
  )
}
