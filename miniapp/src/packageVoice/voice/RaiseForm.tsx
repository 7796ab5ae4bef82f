import {
  DIFFICULTY_PHOTOS_MAX,
  type Difficulty,
  DifficultyCategory,
  difficultyCategoryNames,
  RaiseDifficultyRequest,
} from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import PhotoList, { type ChosenPhoto } from '../../components/PhotoList'
import PointField from '../../components/PointField'
import RegionField from '../../components/RegionField'
import SelectField, { optionsOf } from '../../components/SelectField'
import TextAreaField from '../../components/TextAreaField'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'
import { raiseDifficulty } from '../../services/difficulties'
import {
  type DifficultyField,
  difficultyFieldOf,
  difficultyInputOf,
  emptyDifficultyDraft,
} from './form-model'
import SameNearby from './SameNearby'

/**
 * A difficulty: its kind, what happened, photos, and where (chosen on the map, never the
 * phone's own position), checked with the shared schema before it is sent.
 */
export default function RaiseForm({ onRaised }: { onRaised: (raised: Difficulty) => void }) {
  const form = useZodForm({
    schema: RaiseDifficultyRequest,
    initial: emptyDifficultyDraft(),
    toInput: (draft) => difficultyInputOf(draft),
    fieldOf: difficultyFieldOf,
  })
  const [photos, setPhotos] = useState<ChosenPhoto[]>([])
  const draft = form.values
  const field = (key: DifficultyField) => ({
    id: `difficulty-${key}`,
    value: draft[key],
    error: form.errors[key],
    onChange: (value: string) => form.set(key, value),
  })
  const send = async () => {
    const outcome = await form.submit((value) =>
      raiseDifficulty({ ...value, photoIds: photos.map((photo) => photo.id) }),
    )
    if (outcome?.ok) onRaised(outcome.value)
  }
  return (
    <View className="card voice-form">
      <SelectField
        label="诉求类别"
        options={optionsOf(difficultyCategoryNames)}
        {...field('category')}
      />
      <TextAreaField
        label="遇到的困难"
        placeholder="什么地方、什么情况，如：某小区不让骑手进门送餐"
        maxlength={500}
        {...field('text')}
      />
      <PhotoList label="照片" max={DIFFICULTY_PHOTOS_MAX} photos={photos} onChange={setPhotos} />
      <Text className="voice-form__group">地点（选填：在地图上选择，不会读取你的位置）</Text>
      <PointField
        id="difficulty-lng"
        lat={draft.lat}
        lng={draft.lng}
        error={form.errors.lng}
        onChange={(point, address) => {
          form.set('lat', point.lat)
          form.set('lng', point.lng)
          if (address && !draft.address.trim()) form.set('address', address)
        }}
      />
      <SameNearby
        point={chosenPoint(draft.lat, draft.lng)}
        category={DifficultyCategory.safeParse(draft.category).data}
      />
      <TextField
        label="地点名称"
        placeholder="如：某某花园小区"
        maxlength={60}
        {...field('placeName')}
      />
      <TextField label="地址" placeholder="街道、门牌号" maxlength={100} {...field('address')} />
      <RegionField label="所在区县" {...field('regionCode')} />
      {form.message && <Text className="voice-form__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={send}
      >
        提交
      </Button>
    </View>
  )
}

/** The place chosen on the map, once both coordinates are numbers. */
function chosenPoint(lat: string, lng: string): { lat: number; lng: number } | undefined {
  const [y, x] = [Number.parseFloat(lat), Number.parseFloat(lng)]
  return Number.isFinite(y) && Number.isFinite(x) ? { lat: y, lng: x } : undefined
}
