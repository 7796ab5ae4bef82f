import { type ReportOutcome, ReportResponseRequest, reportOutcomeNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import Sheet from '../../components/Sheet'
import TextAreaField from '../../components/TextAreaField'
import { useMutation } from '../../hooks/useMutation'
import type { ReportQueueItem } from '../../services/pledge-review'

interface Props {
  report: ReportQueueItem
  onRespond: (response: ReportResponseRequest) => Promise<boolean>
  onClose: () => void
}

const outcomeChoices: readonly { outcome: ReportOutcome; label: string }[] = [
  { outcome: 'upheld', label: '属实' },
  { outcome: 'dismissed', label: '不属实' },
]

/** The finding and the answer the public page will show under the report. */
export default function RespondSheet({ report, onRespond, onClose }: Props) {
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null)
  const [response, setResponse] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const sending = useMutation()
  const send = async () => {
    const parsed = ReportResponseRequest.safeParse(
      { outcome: outcome ?? undefined, response },
      { jitless: true },
    )
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message)
    setProblem(undefined)
    await sending.run(() => onRespond(parsed.data))
  }
  return (
    <Sheet title="答复举报" onClose={onClose}>
      <Text className="pledge-reports__quote">“{report.text}”</Text>
      <Text className="pledge-reports__label">核查结论</Text>
      <View className="pledge-reports__choices">
        {outcomeChoices.map((choice) => (
          <Text
            key={choice.outcome}
            className={`pledge-reports__choice${outcome === choice.outcome ? ' pledge-reports__choice--on' : ''}`}
            onClick={() => setOutcome(choice.outcome)}
          >
            {choice.label}
          </Text>
        ))}
      </View>
      {outcome && (
        <Text className="text-secondary pledge-reports__shown">
          公开页显示：{reportOutcomeNames[outcome]}
        </Text>
      )}
      <TextAreaField
        label="处理答复（公开）"
        placeholder="如：经现场核查，已责令其按标价收费并退还差价"
        maxlength={200}
        value={response}
        error={problem}
        onChange={setResponse}
      />
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={sending.busy || undefined}
        onClick={send}
      >
        提交答复
      </Button>
    </Sheet>
  )
}
