import {
  ActivityRequest,
  activityAudienceNames,
  activityKindNames,
  chinaToday,
  placeKindNames,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import DateField from '../../components/DateField'
import PointField from '../../components/PointField'
import RegionField from '../../components/RegionField'
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
import { usePlaceSearch } from './usePlaceSearch'

interface Props {
  /** The activity being changed; absent for a new one. */
  editing?: ActivityDetail | undefined
  initial: ActivityDraft
  /** The first page of the jurisdiction's places; more are found by name. */
  places: readonly PlaceSummary[]
  onSaved: (activity: ActivityDetail) => void
}

const venueKinds = [
  { value: 'place', label: '本辖区场所' },
  { value: 'address', label: '其他地址（在地图上选点）' },
]

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
  const search = usePlaceSearch(places)
  const open = search.found.filter((place) => place.status === 'open')
  // The chosen place stays in its list when a new keyword finds others.
  const withChosen = (list: PlaceSummary[], id: string) => {
    const chosen = search.known(id)
    return chosen && !list.includes(chosen) ? [chosen, ...list] : list
  }
  const venues = withChosen(open, draft.placeId).map((place) => ({
    value: place.id,
    label: `${place.name}（${placeKindNames[place.kind]}）`,
  }))
  const editedPlace =
    editing?.placeId && !search.known(editing.placeId)
      ? [{ value: editing.placeId, label: editing.placeName ?? '原活动场所' }]
      : []
  const branches = withChosen(
    open.filter((place) => place.kind === 'flow_branch'),
    draft.branchId,
  ).map((place) => ({ value: place.id, label: place.name }))
  const editedBranch =
    editing?.branchId && !search.known(editing.branchId)
      ? [{ value: editing.branchId, label: editing.branchName ?? '原党支部' }]
      : []
  const placeSearch = (
    <View>
      <TextField
        id="activity-place-search"
        label="按名称查找场所或党支部"
        placeholder="输入名称中的字，如：东街"
        maxlength={30}
        value={search.query}
        onChange={search.setQuery}
      />
      {search.problem && <Text className="text-secondary">{search.problem}</Text>}
    </View>
  )
  const pointChosen = (point: { lat: string; lng: string }, address?: string) => {
    form.set('lat', point.lat)
    form.set('lng', point.lng)
    if (address && !draft.address.trim()) form.set('address', address)
  }
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
      <SelectField
        label="活动地点"
        options={venueKinds}
        value={draft.venueKind}
        onChange={(kind) => form.set('venueKind', kind === 'address' ? 'address' : 'place')}
      />
      {draft.venueKind === 'place' ? (
        <View>
          {placeSearch}
          <SelectField
            label="活动场所"
            options={[...editedPlace, ...venues]}
            {...field('placeId')}
          />
        </View>
      ) : (
        <View>
          <TextField
            label="活动地址"
            placeholder="街道、门牌号"
            maxlength={100}
            {...field('address')}
          />
          <RegionField label="所在区县" {...field('regionCode')} />
          <PointField
            id="activity-lat"
            lat={draft.lat}
            lng={draft.lng}
            error={form.errors.lat ?? form.errors.lng}
            onChange={pointChosen}
          />
        </View>
      )}
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
        <View>
          {draft.venueKind !== 'place' && placeSearch}
          <SelectField
            label="党支部"
            options={[...editedBranch, ...branches]}
            {...field('branchId')}
          />
        </View>
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
