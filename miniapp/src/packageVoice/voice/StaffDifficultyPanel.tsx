import {
  CloseDifficultyRequest,
  type DifficultyOutcome,
  difficultyOutcomeNames,
  ForwardDifficultyRequest,
  ReplyDifficultyRequest,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ReasonSheet from '../../components/ReasonSheet'
import RegionField from '../../components/RegionField'
import SelectField, { optionsOf } from '../../components/SelectField'
import { PageNotice } from '../../components/StaffOnly'
import { useMutation } from '../../hooks/useMutation'
import { missingParameter, useRemote } from '../../hooks/useRemote'
import InlinePhoto from '../../photos/InlinePhoto'
import {
  closeDifficulty,
  fetchDifficultyPhoto,
  fetchStaffDifficulty,
  forwardDifficulty,
  replyToDifficulty,
  type StaffDifficulty,
} from '../../services/difficulties'
import DifficultyCard from './DifficultyCard'

interface Props {
  id: string | undefined
  /** Told after an action changed the difficulty (the list beside it loads again). */
  onChanged?: (difficulty: StaffDifficulty) => void
}

/** One difficulty for staff: as its own page, or beside the list at the desk. */
export default function StaffDifficultyPanel({ id, onChanged }: Props) {
  const { state, reload, replace } = useRemote(() =>
    id ? fetchStaffDifficulty(id) : missingParameter('缺少诉求编号'),
  )
  if (state.phase === 'loading') return <PageNotice text="正在加载…" />
  if (state.phase === 'failed') return <PageNotice text={state.error.message} onRetry={reload} />
  return (
    <StaffDifficultyView
      difficulty={state.value}
      onChanged={(difficulty) => {
        replace(difficulty)
        onChanged?.(difficulty)
      }}
    />
  )
}

type Asking = 'reply' | 'forward' | 'close' | null

function StaffDifficultyView({
  difficulty,
  onChanged,
}: {
  difficulty: StaffDifficulty
  onChanged: (difficulty: StaffDifficulty) => void
}) {
  const [asking, setAsking] = useState<Asking>(null)
  const [regionCode, setRegionCode] = useState('')
  const [outcome, setOutcome] = useState<DifficultyOutcome | ''>('')
  const [choiceError, setChoiceError] = useState<string | undefined>()
  const acting = useMutation({ failure: { dialog: '操作失败' } })
  const act = async (action: () => Promise<StaffDifficulty>) => {
    const result = await acting.run(action)
    if (result.ok) onChanged(result.value)
    return result.ok
  }
  const open = difficulty.state === 'open'
  return (
    <View className="voice">
      <DifficultyCard difficulty={difficulty}>
        <Text className="voice-card__line text-secondary">
          {`提交人：${difficulty.riderName ?? '未登记的骑手'}`}
        </Text>
        {difficulty.photoIds.map((photoId, i) => (
          <InlinePhoto
            key={photoId}
            label={`查看第${i + 1}张照片`}
            fetchPhoto={() => fetchDifficultyPhoto(difficulty.id, photoId)}
          />
        ))}
      </DifficultyCard>
      {open && (
        <View className="voice-card__actions">
          <Button
            className="btn btn--primary"
            hoverClass="btn--pressed"
            onClick={() => setAsking('reply')}
          >
            答复
          </Button>
          <Button className="btn" hoverClass="btn--pressed" onClick={() => setAsking('forward')}>
            转办
          </Button>
          <Button className="btn" hoverClass="btn--pressed" onClick={() => setAsking('close')}>
            办结
          </Button>
        </View>
      )}
      {asking === 'reply' && (
        <ReasonSheet
          title="答复骑手"
          label="答复内容"
          placeholder="如：已联系物业，明天起允许骑手登记后进入"
          explanation="骑手会在“我的诉求”中看到这条答复。"
          confirmText="发送答复"
          maxlength={500}
          schema={ReplyDifficultyRequest.shape.text}
          onConfirm={(text) => act(() => replyToDifficulty(difficulty.id, text))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'forward' && (
        <ReasonSheet
          title="转给其他区县办理"
          label="转办说明"
          placeholder="如：该小区属台江区管辖"
          explanation="只能转给本辖区内的区县；骑手会看到转办说明。"
          confirmText="确认转办"
          schema={ForwardDifficultyRequest.shape.note}
          onConfirm={async (note) => {
            if (!regionCode) {
              setChoiceError('请选择区县')
              return false
            }
            return act(() => forwardDifficulty(difficulty.id, { regionCode, note }))
          }}
          onClose={() => setAsking(null)}
        >
          <RegionField
            label="转给区县"
            value={regionCode}
            error={choiceError}
            onChange={setRegionCode}
          />
        </ReasonSheet>
      )}
      {asking === 'close' && (
        <ReasonSheet
          title="办结"
          label="办理说明"
          placeholder="如：物业已同意骑手登记后进入"
          explanation="办结后不能再答复；“暂无法解决”须写明原因。"
          confirmText="确认办结"
          maxlength={500}
          schema={CloseDifficultyRequest.shape.note.unwrap()}
          onConfirm={async (note) => {
            if (!outcome) {
              setChoiceError('请选择办理结果')
              return false
            }
            return act(() => closeDifficulty(difficulty.id, { outcome, note }))
          }}
          onClose={() => setAsking(null)}
        >
          <SelectField
            label="办理结果"
            options={optionsOf(difficultyOutcomeNames)}
            value={outcome}
            error={choiceError}
            onChange={(value) =>
              setOutcome(value in difficultyOutcomeNames ? (value as DifficultyOutcome) : '')
            }
          />
        </ReasonSheet>
      )}
    </View>
  )
}
