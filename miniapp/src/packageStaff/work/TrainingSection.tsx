import { chinaToday, TrainingSessionRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import DateField from '../../components/DateField'
import { PageNotice } from '../../components/StaffOnly'
import TextField from '../../components/TextField'
import { useRemote } from '../../hooks/useRemote'
import { showFailure } from '../../profile/account-actions'
import {
  addTrainingSession,
  deleteTrainingSession,
  fetchTrainingSessions,
} from '../../services/work'
import { useWorkForm } from './useWorkForm'
import { attendeesNumber, trainingProgress } from './work-model'

const keys = ['heldOn', 'title', 'attendees', 'organiser'] as const

/** 党务培训班 held this year, against the target; county staff and above add and remove. */
export default function TrainingSection({
  year,
  canWrite,
  region,
}: {
  year: number
  canWrite: boolean
  region?: string
}) {
  const load = useCallback(() => fetchTrainingSessions(year, region), [year, region])
  const { state, reload } = useRemote(load)
  const remove = async (id: string, title: string) => {
    const { confirm } = await Taro.showModal({ title: '删除培训记录', content: `删除“${title}”？` })
    if (!confirm) return
    await deleteTrainingSession(id).then(reload, (error) => showFailure('删除未成功', error))
  }
  return (
    <View className="card">
      <Text className="card__title">培训班</Text>
      {state.phase === 'loading' && <Text className="text-secondary">正在加载…</Text>}
      {state.phase === 'failed' && <PageNotice text={state.error.message} onRetry={reload} />}
      {state.phase === 'loaded' && (
        <View>
          <Text className="work__line">{trainingProgress(state.value)}</Text>
          {state.value.map((session) => (
            <View key={session.id} className="work__item">
              <Text className="work__name">{session.title}</Text>
              <Text className="work__line text-secondary">
                {session.heldOn} · {session.attendees}人
                {session.organiser ? ` · ${session.organiser}` : ''}
              </Text>
              {canWrite && (
                <Text className="work__link" onClick={() => void remove(session.id, session.title)}>
                  删除
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
      {canWrite && <TrainingForm onAdded={reload} />}
    </View>
  )
}

function TrainingForm({ onAdded }: { onAdded: () => void }) {
  const [heldOn, setHeldOn] = useState('')
  const [title, setTitle] = useState('')
  const [attendees, setAttendees] = useState('')
  const [organiser, setOrganiser] = useState('')
  const { errors, busy, submit } = useWorkForm(TrainingSessionRequest, keys)
  const save = async () => {
    const input = {
      heldOn,
      title,
      attendees: attendeesNumber(attendees),
      organiser: organiser.trim() || undefined,
    }
    if (!(await submit(input, addTrainingSession))) return
    setTitle('')
    setAttendees('')
    onAdded()
  }
  return (
    <View className="work__form">
      <DateField
        label="举办日期"
        start="2020-01-01"
        end={chinaToday()}
        value={heldOn}
        error={errors.fields.heldOn}
        onChange={setHeldOn}
      />
      <TextField
        label="培训班名称"
        placeholder="如：小个专党组织书记培训班"
        value={title}
        error={errors.fields.title}
        onChange={setTitle}
      />
      <TextField
        label="培训人数"
        placeholder="如 30"
        type="number"
        maxlength={6}
        value={attendees}
        error={errors.fields.attendees}
        onChange={setAttendees}
      />
      <TextField
        label="主办单位（选填）"
        placeholder="如：鼓楼区市场监管局"
        value={organiser}
        error={errors.fields.organiser}
        onChange={setOrganiser}
      />
      {errors.message && <Text className="work__error">{errors.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={save}
      >
        添加培训班
      </Button>
    </View>
  )
}
