import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { type ReactNode, useState } from 'react'
import StaffOnly, { PageNotice } from '../../../components/StaffOnly'
import Timeline from '../../../components/Timeline'
import type { SensitiveField } from '../../../membership/fields'
import { previewFetchedPhoto } from '../../../photos/preview'
import { fetchAnswerPhoto } from '../../../services/review'
import DecisionBar from '../../review/DecisionBar'
import EntryCard from '../../review/EntryCard'
import EvidencePanel from '../../review/EvidencePanel'
import RevealDialog from '../../review/RevealDialog'
import { useReviewDetail } from '../../review/useReviewDetail'
import './index.scss'
import { withPageFrame } from '../../../components/PageFrame'

/** One entry beside the registers' evidence, with the decisions and the history. */
function ReviewDetailPage() {
  return (
    <StaffOnly>
      <ReviewDetailBody />
    </StaffOnly>
  )
}

function ReviewDetailBody() {
  const { params } = useRouter()
  const { state, reload, replace } = useReviewDetail(params.id)
  const [revealing, setRevealing] = useState<SensitiveField | null>(null)

  if (state.phase === 'loading')
    return (
      <Body>
        <PageNotice text="正在加载…" />
      </Body>
    )
  if (state.phase === 'failed')
    return (
      <Body>
        <PageNotice text={state.error.message} onRetry={reload} />
      </Body>
    )
  const detail = state.value
  return (
    <Body>
      <View className="detail__columns">
        <EntryCard detail={detail} onReveal={setRevealing} />
        <EvidencePanel evidence={detail.evidence} />
      </View>
      <DecisionBar detail={detail} onDecided={replace} onStale={reload} />
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
    </Body>
  )
}

function Body({ children }: { children: ReactNode }) {
  return <View className="page detail">{children}</View>
}

export default withPageFrame(ReviewDetailPage)
