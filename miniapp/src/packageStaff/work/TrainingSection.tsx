import { chinaToday, type TrainingSession, TrainingSessionRequest } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import DateField from '../../components/DateField'
import TextField from '../../components/TextField'
import DeskTable from '../../desk/DeskTable'
import type { DeskColumn } from '../../desk/table'
import { useZodForm } from '../../forms/useZodForm'
import { showFailure } from '../../hooks/failure'
import { wholeList } from '../../hooks/usePagedList'
import { useRemote } from '../../hooks/useRemote'
import {
  addTrainingSession,
  deleteTrainingSession,
  fetchTrainingSessions,
} from '../../services/work'
import { attendeesNumber, trainingProgress } from './work-model'

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
  const removeLink = (session: TrainingSession) =>
    canWrite && (
      <Text className="work__link" onClick={() => void remove(session.id, session.title)}>
        删除
      </Text>
    )
  return (
    <View className="card">
      <Text className="card__title">培训班</Text>
      {state.phase === 'loaded' && (
        <Text className="work__line">{trainingProgress(state.value)}</Text>
      )}
      <DeskTable
        caption={`${year}年培训班`}
        list={wholeList(state)}
        total={state.phase === 'loaded' ? state.value.length : null}
        columns={trainingColumns}
        keyOf={(session) => session.id}
        empty="今年尚未登记培训班。"
        onMore={reload}
        onRetry={reload}
        {...(canWrite ? { actions: removeLink } : {})}
        card={(session) => (
          <View className="work__item">
            <Text className="work__name">{session.title}</Text>
            <Text className="work__line text-secondary">
              {session.heldOn} · {session.attendees}人
              {session.organiser ? ` · ${session.organiser}` : ''}
            </Text>
            {removeLink(session)}
          </View>
        )}
      />
      {canWrite && <TrainingForm onAdded={reload} />}
    </View>
  )
}

const trainingColumns: DeskColumn<TrainingSession>[] = [
  {
    key: 'heldOn',
    title: '举办日期',
    value: (session) => session.heldOn,
    sortable: true,
    width: '8em',
  },
  {
    key: 'title',
    title: '培训班名称',
    value: (session) => session.title,
    sortable: true,
    filter: 'text',
  },
  {
    key: 'attendees',
    title: '培训人数',
    value: (session) => session.attendees,
    render: (session) => `${session.attendees} 人`,
    sortable: true,
    width: '7em',
  },
  {
    key: 'organiser',
    title: '主办单位',
    value: (session) => session.organiser ?? '—',
    sortable: true,
    filter: 'choice',
  },
]

function TrainingForm({ onAdded }: { onAdded: () => void }) {
  const form = useZodForm({
    schema: TrainingSessionRequest,
    initial: { heldOn: '', title: '', attendees: '', organiser: '' },
    toInput: (values) => ({
      ...values,
      attendees: attendeesNumber(values.attendees),
      organiser: values.organiser.trim() || undefined,
    }),
  })
  const { values, errors } = form
  const save = async () => {
    if (!(await form.submit(addTrainingSession))?.ok) return
    form.reset({ ...values, title: '', attendees: '' })
    onAdded()
  }
  return (
    <View className="work__form">
      <DateField
        label="举办日期"
        start="2020-01-01"
        end={chinaToday()}
        value={values.heldOn}
        error={errors.heldOn}
        onChange={(value) => form.set('heldOn', value)}
      />
      <TextField
        label="培训班名称"
        placeholder="如：小个专党组织书记培训班"
        value={values.title}
        error={errors.title}
        onChange={(value) => form.set('title', value)}
      />
      <TextField
        label="培训人数"
        placeholder="如 30"
        type="number"
        maxlength={6}
        value={values.attendees}
        error={errors.attendees}
        onChange={(value) => form.set('attendees', value)}
      />
      <TextField
        label="主办单位（选填）"
        placeholder="如：鼓楼区市场监管局"
        value={values.organiser}
        error={errors.organiser}
        onChange={(value) => form.set('organiser', value)}
      />
      {form.message && <Text className="work__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={save}
      >
        添加培训班
      </Button>
    </View>
  )
}
