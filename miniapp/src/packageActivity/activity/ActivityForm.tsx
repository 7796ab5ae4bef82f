import {
  ActivityRequest,
  activityAudienceNames,
  activityKindNames,
  chinaToday,
  placeKindNames,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import DateField from '../../components/DateField'
import SelectField, { optionsOf } from '../../components/SelectField'
import TextAreaField from '../../components/TextAreaField'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'
import { type ActivityDetail, editActivity, publishActivity } from '../../services/activities'
import type { PlaceSummary } from '../../services/places'
import {
  type ActivityDraft,
  type ActivityField,
  activityFieldOf,
  activityInputOf,
} from './form-model'

interface Props {
  /** The activity being changed; absent for a new one. */
  editing?: ActivityDetail | undefined
  initial: ActivityDraft
  /** The jurisdiction's open places: the venues to choose from. */
  places: readonly PlaceSummary[]
  onSaved: (activity: ActivityDetail) => void
}

const lastDay = (today: string) => `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`

/** Publish or edit an activity, checked with the shared schema before it is sent. */
export default function ActivityForm({ editing, initial, places, onSaved }: Props) {
  const form = useZodForm({
    schema: ActivityRequest,
    initial,
    toInput: activityInputOf,
    fieldOf: activityFieldOf,
  })
  const draft = form.values
  const field = (key: ActivityField) => ({
    id: `activity-${key}`,
    value: draft[key],
    error: form.errors[key],
    onChange: (value: string) => form.set(key, value),
  })
  const venues = places
    .filter((place) => place.status === 'open')
    .map((place) => ({ value: place.id, label: `${place.name}（${placeKindNames[place.kind]}）` }))
  const save = async () => {
    const send = (activity: ActivityRequest) =>
      editing ? editActivity(editing.id, activity) : publishActivity(activity)
    const outcome = await form.submit(send)
    if (outcome?.ok) onSaved(outcome.value)
  }
  const today = chinaToday()
  return (
    <View className="card activity-form">
      <TextField
        label="活动名称"
        placeholder="如：七一主题党日"
        maxlength={60}
        {...field('title')}
      />
      <SelectField label="活动类型" options={optionsOf(activityKindNames)} {...field('kind')} />
      <DateField label="活动日期" start={today} end={lastDay(today)} {...field('date')} />
      <TextField label="开始时间" placeholder="如 09:00" maxlength={5} {...field('startTime')} />
      <TextField label="结束时间" placeholder="如 11:00" maxlength={5} {...field('endTime')} />
      <SelectField label="活动场所" options={venues} {...field('placeId')} />
      <TextField
        label="人数上限"
        placeholder="如 30"
        type="number"
        maxlength={5}
        {...field('capacity')}
      />
      <SelectField
        label="参加对象"
        options={optionsOf(activityAudienceNames)}
        {...field('audience')}
      />
      {draft.audience === 'branch' && (
        <Text className="text-secondary activity-form__hint">
          本支部党员活动请选择该流动党员党支部作为活动场所。
        </Text>
      )}
      <TextAreaField
        label="活动简介（选填）"
        placeholder="内容、需携带的材料等"
        maxlength={500}
        {...field('description')}
      />
      {form.message && <Text className="activity-form__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={save}
      >
        {form.busy ? '正在保存…' : editing ? '保存修改' : '发布活动'}
      </Button>
    </View>
  )
}
