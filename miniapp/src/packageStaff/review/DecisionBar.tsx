import { pendingStates } from '@djt/shared'
import { Button, View } from '@tarojs/components'
import { useState } from 'react'
import { useKeys } from '../../hooks/useKeys'
import type { ReviewDetail } from '../../services/review'
import { type NoteDecision, noteButtons, noteDialogs, noteProblem, useDecision } from './decisions'
import NoteDialog from './NoteDialog'

interface Props {
  detail: ReviewDetail
  onDecided: (detail: ReviewDetail) => void
  /** The entry changed since it was loaded: load it again. */
  onStale: () => void
  /** A 通过, R 退回补充, X 不通过: the same confirmations as the buttons (a desk's keyboard). */
  keys?: boolean
}

/** 通过 / 退回补充 / 不通过 for pending entries, 撤销 for verified ones; each confirmed first. */
export default function DecisionBar({ detail, onDecided, onStale, keys = false }: Props) {
  const [dialog, setDialog] = useState<NoteDecision | null>(null)
  const { busy, decide, verify } = useDecision(detail, onDecided, onStale)
  const pending = (pendingStates as readonly string[]).includes(detail.state)
  const open = pending || detail.state === 'needs_info'
  useKeys(
    {
      a: () => open && !busy && void verify(),
      r: () => pending && !busy && setDialog('ask'),
      x: () => open && !busy && setDialog('reject'),
    },
    keys && dialog === null,
  )
  const button = (decision: NoteDecision) => (
    <Button
      className="btn detail__decision"
      hoverClass="btn--pressed"
      disabled={busy || undefined}
      onClick={() => setDialog(decision)}
    >
      {noteButtons[decision]}
    </Button>
  )

  return (
    <View className="detail__decisions">
      {open && (
        <Button
          className="btn btn--primary detail__decision"
          hoverClass="btn--pressed"
          disabled={busy || undefined}
          onClick={verify}
        >
          通过
        </Button>
      )}
      {pending && button('ask')}
      {open && button('reject')}
      {detail.state === 'verified' && button('revoke')}
      {dialog && (
        <NoteDialog
          {...noteDialogs[dialog]}
          check={(note) => noteProblem(dialog, note, detail.version)}
          onConfirm={async (note) => {
            if (await decide(dialog, note)) setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </View>
  )
}
