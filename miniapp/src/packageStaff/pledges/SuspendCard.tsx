import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffPledge } from '../../services/pledge-review'
import NoteDialog from '../review/NoteDialog'
import { reasonProblem } from './decision'

interface Props {
  pledge: StaffPledge
  busy: boolean
  onSuspend: (reason: string) => Promise<boolean>
  onReinstate: (reason: string) => Promise<boolean>
}

/** 暂停公示 after an upheld report, 恢复公示 once put right; each with a reason on record. */
export default function SuspendCard({ pledge, busy, onSuspend, onReinstate }: Props) {
  const [dialog, setDialog] = useState<'suspend' | 'reinstate' | null>(null)
  const upheld = pledge.reports.some((report) => report.outcome === 'upheld')
  const suspended = pledge.status === 'suspended'
  if (pledge.status === 'withdrawn' || (!suspended && !pledge.current)) return null
  return (
    <View className="card">
      <Text className="card__title">公示管理</Text>
      {suspended ? (
        <Text className="pledge-detail__warn">已暂停公示：{pledge.suspendedReason ?? ''}</Text>
      ) : (
        <Text className="text-secondary">
          {upheld ? '有经核查属实的举报，可暂停公示。' : '有经核查属实的举报后才能暂停公示。'}
        </Text>
      )}
      <Button
        className="btn"
        hoverClass="btn--pressed"
        disabled={busy || (!suspended && !upheld) || undefined}
        onClick={() => setDialog(suspended ? 'reinstate' : 'suspend')}
      >
        {suspended ? '恢复公示' : '暂停公示'}
      </Button>
      {dialog && (
        <NoteDialog
          title={dialog === 'suspend' ? '暂停公示' : '恢复公示'}
          label="原因"
          placeholder={
            dialog === 'suspend' ? '如：举报属实，整改期间暂停公示' : '如：已整改到位，复查合格'
          }
          explanation={
            dialog === 'suspend'
              ? '暂停后，扫承诺牌将显示“已暂停”和此原因。'
              : '恢复后，扫承诺牌将重新显示“有效”。'
          }
          confirmText={dialog === 'suspend' ? '确认暂停' : '确认恢复'}
          check={reasonProblem}
          onConfirm={async (reason) => {
            const done = dialog === 'suspend' ? await onSuspend(reason) : await onReinstate(reason)
            if (done) setDialog(null)
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </View>
  )
}
