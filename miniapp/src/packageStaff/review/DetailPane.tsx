import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageNotice } from '../../components/StaffOnly'
import Timeline from '../../components/Timeline'
import type { SensitiveField } from '../../membership/fields'
import { previewFetchedPhoto } from '../../photos/preview'
import { fetchAnswerPhoto, type ReviewDetail } from '../../services/review'
import DecisionBar from './DecisionBar'
import EntryCard from './EntryCard'
import EvidencePanel from './EvidencePanel'
import RevealDialog from './RevealDialog'
import { useReviewDetail } from './useReviewDetail'
import './DetailPane.scss'

interface Props {
  id: string | undefined
  /** Told after a decision, with the entry as it is now. */
  onDecided?: (detail: ReviewDetail) => void
  /** A / R / X decide this entry (the desk's keyboard review). */
  keys?: boolean
}

/** One entry beside the registers' evidence, with the decisions and the history. */
export default function DetailPane({ id, onDecided, keys = false }: Props) {
  const { state, reload, replace } = useReviewDetail(id)
  const [revealing, setRevealing] = useState<SensitiveField | null>(null)

  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  const detail = state.value
  return (
    <>
      <View className="detail__columns">
        <EntryCard detail={detail} onReveal={setRevealing} />
        <EvidencePanel evidence={detail.evidence} />
      </View>
      <DecisionBar
        detail={detail}
        keys={keys}
        onDecided={(next) => {
          replace(next)
          onDecided?.(next)
        }}
        onStale={reload}
      />
      <View className="card">
        <Text className="card__title">办理记录</Text>
        <Timeline
          events={detail.timeline}
          onPhoto={(photoId) =>
            void previewFetchedPhoto(() => fetchAnswerPhoto(detail.id, photoId))
          }
        />
      </View>
      {revealing && (
        <RevealDialog entryId={detail.id} field={revealing} onClose={() => setRevealing(null)} />
      )}
    </>
  )
}
