import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { PageNotice } from '../../components/StaffOnly'
import { showFailure } from '../../hooks/failure'
import { useMutation } from '../../hooks/useMutation'
import { ratingText, stars } from '../../pledge/labels'
import PledgeContentCard from '../../pledge/PledgeContentCard'
import { EvaluationList, RatingList, ReportList, VersionHistory } from '../../pledge/PledgeRecords'
import {
  decidePledge,
  evaluatePledge,
  fetchReportPhoto,
  reinstatePledge,
  type StaffPledge,
  suspendPledge,
} from '../../services/pledge-review'
import DecisionCard from './DecisionCard'
import EvaluationForm from './EvaluationForm'
import PledgeHeader from './PledgeHeader'
import SuspendCard from './SuspendCard'
import { runAction, usePledgeDetail } from './usePledgeDetail'
import './PledgeDetail.scss'

/**
 * One pledge for staff: decide the pending version, evaluate, suspend, and read what the
 * public said. Its own page on a phone; beside 承诺审核 and 群众举报 at the desk.
 * `onChanged` hears of every action that went through (the list beside it reloads).
 */
export default function PledgeDetail({ id, onChanged }: { id?: string; onChanged?: () => void }) {
  const { state, reload, replace } = usePledgeDetail(id)
  if (state.phase === 'loading')
    return (
      <Page>
        <PageNotice text="正在加载…" />
      </Page>
    )
  if (state.phase === 'failed')
    return (
      <Page>
        <PageNotice text={state.error.message} onRetry={reload} />
      </Page>
    )
  return <PledgeView pledge={state.value} replace={replace} reload={reload} onChanged={onChanged} />
}

interface ViewProps {
  pledge: StaffPledge
  replace: (pledge: StaffPledge) => void
  reload: () => void
  onChanged?: () => void
}

function PledgeView({ pledge, replace, reload, onChanged }: ViewProps) {
  const acting = useMutation()
  const busy = acting.busy
  const act = async (action: () => Promise<StaffPledge>, toast: string) => {
    const outcome = await acting.run(() => runAction(action, { replace, reload }, showFailure))
    const done = outcome.ok && outcome.value
    if (done) {
      onChanged?.()
      await Taro.showToast({ title: toast, icon: 'success' })
    }
    return done
  }
  const pending = pledge.versions.find((version) => version.state === 'pending')
  const name = pledge.current?.content.displayName ?? pending?.content.displayName ?? ''
  return (
    <Page>
      <PledgeHeader pledge={pledge} name={name} />
      <View className="pledge-detail__columns">
        {pending && (
          <DecisionCard
            pending={pending}
            current={pledge.current}
            busy={busy}
            onDecide={(decision, comment) =>
              act(
                () =>
                  decidePledge(pledge.id, {
                    versionId: pending.id,
                    decision,
                    ...(comment ? { comment } : {}),
                  }),
                decision === 'approve' ? '已通过' : decision === 'return' ? '已退回' : '已不予通过',
              )
            }
          />
        )}
        {pledge.current ? (
          <PledgeContentCard
            heading={`公示中：第 ${pledge.current.number} 版`}
            content={pledge.current.content}
          />
        ) : (
          <View className="card">
            <Text className="text-secondary">尚无公示中的版本。</Text>
          </View>
        )}
      </View>
      <View className="card">
        <Text className="card__title">群众评价</Text>
        <View className="pledge-detail__rating">
          <Text className="pledge-stars">{stars(pledge.rating.average)}</Text>
          <Text className="pledge-detail__rating-text">{ratingText(pledge.rating)}</Text>
        </View>
        <RatingList ratings={pledge.ratings} />
      </View>
      <View className="card">
        <Text className="card__title">群众举报</Text>
        <ReportList reports={pledge.reports} fetchPhoto={fetchReportPhoto} />
      </View>
      <SuspendCard
        pledge={pledge}
        busy={busy}
        onSuspend={(reason) => act(() => suspendPledge(pledge.id, reason), '已暂停公示')}
        onReinstate={(reason) => act(() => reinstatePledge(pledge.id, reason), '已恢复公示')}
      />
      {pledge.current && (
        <EvaluationForm
          busy={busy}
          onEvaluate={(evaluation) =>
            act(() => evaluatePledge(pledge.id, evaluation), '考评已保存')
          }
        />
      )}
      <View className="card">
        <Text className="card__title">考评记录</Text>
        <EvaluationList evaluations={pledge.evaluations} />
      </View>
      <View className="card">
        <Text className="card__title">提交记录</Text>
        <VersionHistory versions={pledge.versions} />
      </View>
    </Page>
  )
}

function Page({ children }: { children: ReactNode }) {
  return <View className="page pledge-detail">{children}</View>
}
