import { Button, Text } from '@tarojs/components'
import { useState } from 'react'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { useMutation } from '../../hooks/useMutation'

interface Props {
  title: string
  intro: string
  /** The text box, when one is asked for: its label and placeholder. */
  note?: { label: string; placeholder: string; required: boolean } | undefined
  confirm: string
  /** Resolves to an error message to show, or null when done. */
  onConfirm: (note: string) => Promise<string | null>
  onClose: () => void
}

/** A confirmation with an optional reason: 冻结并报送 (更正原因) and 退回 (意见). */
export default function NoteSheet({ title, intro, note, confirm, onConfirm, onClose }: Props) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const sending = useMutation()
  const busy = sending.busy
  const send = async () => {
    if (busy) return
    if (note?.required && !text.trim()) return setProblem(`请填写${note.label}`)
    const outcome = await sending.run(() => onConfirm(text.trim()))
    if (outcome.ok) setProblem(outcome.value ?? undefined)
  }
  return (
    <Sheet title={title} onClose={onClose}>
      <Text className="report-intro">{intro}</Text>
      {note && (
        <TextAreaField
          label={note.label}
          placeholder={note.placeholder}
          maxlength={200}
          value={text}
          error={problem}
          onChange={setText}
        />
      )}
      {!note && problem && <Text className="report-error">{problem}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={send}
      >
        {busy ? '正在提交…' : confirm}
      </Button>
    </Sheet>
  )
}
