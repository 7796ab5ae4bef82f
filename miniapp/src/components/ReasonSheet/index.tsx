import { Button, Text } from '@tarojs/components'
import { type ReactNode, useState } from 'react'
import type { z } from 'zod'
import { useMutation } from '../../hooks/useMutation'
import Sheet from '../Sheet'
import TextAreaField from '../TextAreaField'
import './index.scss'

interface Props {
  title: string
  label: string
  placeholder: string
  /** What happens on confirming, said once more before it happens. */
  explanation: string
  confirmText: string
  /** The shared schema of the text (its Chinese messages are shown under the field). */
  schema: z.ZodType<string>
  maxlength?: number
  /** More to give with the text (the closing record's photos), under the field. */
  children?: ReactNode
  /** Resolves true when done (the sheet then closes); a failure is said by the caller. */
  onConfirm: (text: string) => Promise<boolean>
  onClose: () => void
}

/** Asks for the words a staff action needs (a reason, the minutes, a reply) and confirms it. */
export default function ReasonSheet(props: Props) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const sending = useMutation()
  const confirm = async () => {
    const parsed = props.schema.safeParse(text)
    setError(parsed.success ? undefined : parsed.error.issues[0]?.message)
    if (!parsed.success) return
    const outcome = await sending.run(() => props.onConfirm(parsed.data))
    if (outcome.ok && outcome.value) props.onClose()
  }
  return (
    <Sheet title={props.title} onClose={props.onClose}>
      <Text className="text-secondary reason-sheet__explain">{props.explanation}</Text>
      <TextAreaField
        label={props.label}
        placeholder={props.placeholder}
        value={text}
        error={error}
        onChange={setText}
        maxlength={props.maxlength ?? 200}
        focus
      />
      {props.children}
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
