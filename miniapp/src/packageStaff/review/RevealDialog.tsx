import { RevealRequest } from '@djt/shared'
import { Button, Text } from '@tarojs/components'
import { useState } from 'react'
import PhoneLink from '../../components/PhoneLink'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { useMutation } from '../../hooks/useMutation'
import type { SensitiveField } from '../../membership/fields'
import { fieldLabels } from '../../membership/labels'
import { revealField } from '../../services/review'

interface Props {
  entryId: string
  field: SensitiveField
  onClose: () => void
}

/**
 * The full mobile or ID number, for a stated reason. The server logs who looked and why;
 * the value lives only in this dialog and is gone when it closes.
 */
export default function RevealDialog({ entryId, field, onClose }: Props) {
  const { reason, setReason, error, value, busy, reveal } = useReveal(entryId, field)
  const label = fieldLabels[field] ?? field

  return (
    <Sheet title={`查看完整${label}`} onClose={onClose}>
      {value === undefined ? (
        <>
          <Text className="detail__explain">
            完整{label}属于敏感个人信息。查看会记录你的账号、时间和原因。
          </Text>
          <TextAreaField
            label="查看原因"
            placeholder="如：电话核实登记信息"
            value={reason}
            error={error}
            maxlength={200}
            onChange={setReason}
          />
          <Button
            className="btn btn--primary"
            hoverClass="btn--pressed"
            disabled={busy || undefined}
            onClick={reveal}
          >
            查看
          </Button>
        </>
      ) : (
        <>
          {field === 'mobile' && value ? (
            <PhoneLink className="detail__revealed" phone={value} />
          ) : (
            <Text className="detail__revealed" userSelect>
              {value ?? '未填写'}
            </Text>
          )}
          <Button className="btn" hoverClass="btn--pressed" onClick={onClose}>
            关闭
          </Button>
        </>
      )}
    </Sheet>
  )
}

/** The reason typed, its check by the shared rule, and the value once the server gave it. */
function useReveal(entryId: string, field: SensitiveField) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  // undefined: not asked yet; null: the person left the field empty.
  const [value, setValue] = useState<string | null | undefined>(undefined)
  const asking = useMutation({ fallback: '查看失败，请稍后重试' })

  const reveal = async () => {
    const parsed = RevealRequest.safeParse({ field, reason }, { jitless: true })
    if (!parsed.success) return setError(parsed.error.issues[0]?.message)
    setError(undefined)
    const outcome = await asking.run(() => revealField(entryId, parsed.data))
    if (outcome.ok) setValue(outcome.value.value)
    else if (outcome.error) setError(outcome.error.message)
  }
  return { reason, setReason, error, value, busy: asking.busy, reveal }
}
