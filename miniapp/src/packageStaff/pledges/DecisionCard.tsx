import type { PledgeVersion } from '@djt/shared'
import { chinaDateTime } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { contentChanges } from '../../pledge/labels'
import PledgeContentCard from '../../pledge/PledgeContentCard'
import NoteDialog from '../review/NoteDialog'
import { decisionCommentProblem, decisionDialogs, type NoteDecision } from './decision'

interface Props {
  pending: PledgeVersion
  current: PledgeVersion | null
  busy: boolean
  onDecide: (decision: 'approve' | NoteDecision, comment?: string) => Promise<boolean>
}

/** The version waiting for a decision, what it changes, and 通过 / 退回修改 / 不予通过. */
export default function DecisionCard({ pending, current, busy, onDecide }: Props) {
  const [dialog, setDialog] = useState<NoteDecision | null>(null)
  const changes = current ? contentChanges(current.content, pending.content) : []
  const approve = async () => {
    const { confirm } = await Taro.showModal({
      title: '通过审核',
      content: current
        ? '通过后新版本立即替换已公示的版本。'
        : '通过后承诺立即公开，并生成可扫码查验的承诺牌。',
      confirmText: '确认通过',
      cancelText: '再看看',
    })
    if (confirm) await onDecide('approve')
  }
  return (
    <View className="pledge-detail__pending">
      <PledgeContentCard
        heading={`待审核：第 ${pending.number} 版`}
        content={pending.content}
        extra={
          <Text className="text-secondary pledge-detail__time">
            {chinaDateTime(pending.submittedAt)}
          </Text>
        }
      />
      {pending.checkNotes.length > 0 && (
        <View className="card pledge-detail__flags">
          <Text className="card__title">内容检查提示</Text>
          {pending.checkNotes.map((note) => (
            <Text key={note} className="pledge-detail__flag">
              ⚠ {note}
            </Text>
          ))}
        </View>
      )}
      {current && (
        <View className="card">
          <Text className="card__title">与公示版本相比</Text>
          {changes.length === 0 && <Text className="text-secondary">内容没有变化</Text>}
          {changes.map((change) => (
            <View
              key={`${change.label}-${change.before}-${change.after}`}
              className="pledge-detail__change"
            >
              <Text className="pledge-detail__change-label">{change.label}</Text>
              {change.before && <Text className="pledge-detail__before">{change.before}</Text>}
              {change.after && <Text className="pledge-detail__after">{change.after}</Text>}
            </View>
          ))}
        </View>
      )}
      <View className="card">
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          disabled={busy || undefined}
          onClick={approve}
        >
          通过
        </Button>
        {(['return', 'reject'] as const).map((decision) => (
          <Button
            key={decision}
            className="btn"
            hoverClass="btn--pressed"
            disabled={busy || undefined}
            onClick={() => setDialog(decision)}
          >
            {decisionDialogs[decision].title}
          </Button>
        ))}
      </View>
      {dialog && (
        <NoteDialog
          {...decisionDialogs[dialog]}
          check={(comment) => decisionCommentProblem(dialog, pending.id, comment)}
          onConfirm={async (comment) => {
            if (await onDecide(dialog, comment)) setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </View>
  )
}
