import { Button, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { withPageFrame } from '../../../components/PageFrame'
import { PageNotice } from '../../../components/StaffOnly'
import { useMutation } from '../../../hooks/useMutation'
import { useRemote } from '../../../hooks/useRemote'
import { voicePages } from '../../../routes'
import { fetchMyDifficulties, giveDifficultyFeedback } from '../../../services/difficulties'
import DifficultyCard from '../../voice/DifficultyCard'
import '../../voice/voice.scss'

/** 我的诉求: what I raised, each with every answer; once answered, whether it helped. */
function MyDifficultiesPage() {
  const { state, reload } = useRemote(fetchMyDifficulties)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
  const feedback = useMutation({ failure: { dialog: '评价失败' } })
  const say = async (id: string, helpful: boolean) => {
    const outcome = await feedback.run(() => giveDifficultyFeedback(id, helpful))
    if (outcome.ok) reload()
  }
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <View className="page voice">
      <Button
        className="btn btn--primary voice__raise"
        hoverClass="btn--pressed"
        onClick={() => Taro.navigateTo({ url: voicePages.raise })}
      >
        提交诉求
      </Button>
      {state.value.length === 0 && (
        <PageNotice text="进门难、上楼难、停车难、充电难……遇到了可以在这里告诉我们。" />
      )}
      {state.value.map((difficulty) => (
        <DifficultyCard key={difficulty.id} difficulty={difficulty}>
          {difficulty.events.some((e) => e.kind === 'reply' || e.kind === 'close') && (
            <View className="voice-card__actions">
              <Button
                className="btn"
                hoverClass="btn--pressed"
                disabled={feedback.busy || undefined}
                onClick={() => void say(difficulty.id, true)}
              >
                {difficulty.helpful === true ? '✓ 有帮助' : '有帮助'}
              </Button>
              <Button
                className="btn"
                hoverClass="btn--pressed"
                disabled={feedback.busy || undefined}
                onClick={() => void say(difficulty.id, false)}
              >
                {difficulty.helpful === false ? '✓ 没有帮助' : '没有帮助'}
              </Button>
            </View>
          )}
        </DifficultyCard>
      ))}
    </View>
  )
}

export default withPageFrame(MyDifficultiesPage)
