import {
  NewSupervisionReport,
  SUPERVISION_PHOTOS_MAX,
  type SupervisionReport,
  supervisionCategoryNames,
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
import { makeSupervisionReport } from '../../services/supervision'
import { emptyReportDraft, type ReportField, reportFieldOf, reportInputOf } from './form-model'

/**
 * 监督共治: what kind of problem, which merchant (picked on the map — the shop's name and
 * address come with it, the phone's own position is never read — or typed with its
 * county), what was seen, and photos. The rider's name is never shown to the merchant.
 */
export default function ReportForm({
  onReported,
}: {
  onReported: (report: SupervisionReport) => void
}) {
  const form = useZodForm({
    schema: NewSupervisionReport,
    initial: emptyReportDraft(),
    toInput: (draft) => reportInputOf(draft),
    fieldOf: reportFieldOf,
  })
  const [photos, setPhotos] = useState<ChosenPhoto[]>([])
  const draft = form.values
  const field = (key: ReportField) => ({
    id: `report-${key}`,
    value: draft[key],
    error: form.errors[key],
    onChange: (value: string) => form.set(key, value),
  })
  const send = async () => {
    const outcome = await form.submit((value) =>
      makeSupervisionReport({ ...value, photoIds: photos.map((photo) => photo.id) }),
    )
    if (outcome?.ok) onReported(outcome.value)
  }
  return (
    <View className="card voice-form">
      <SelectField
        label="问题类别"
        options={optionsOf(supervisionCategoryNames)}
        {...field('category')}
      />
      <Text className="voice-form__group">商家（在地图上选择，或直接填写）</Text>
      <PointField
        id="report-lng"
        lat={draft.lat}
        lng={draft.lng}
        error={form.errors.lng}
        onChange={(point, address, name) => {
          form.set('lat', point.lat)
          form.set('lng', point.lng)
          if (address) form.set('address', address)
          if (name && !draft.merchantName.trim()) form.set('merchantName', name)
        }}
      />
      <TextField
        label="商家名称"
        placeholder="店招上的名称，如：某某快餐店"
        maxlength={60}
        {...field('merchantName')}
      />
      <TextField
        label="商家地址"
        placeholder="街道、门牌号"
        maxlength={100}
        {...field('address')}
      />
      <RegionField label="所在区县" {...field('regionCode')} />
      <TextField
        label="统一社会信用代码（选填）"
        placeholder="营业执照上的18位代码"
        maxlength={18}
        {...field('creditCode')}
      />
      <TextAreaField
        label="看到的问题"
        placeholder="如：后厨生熟不分、标价与结账不符"
        maxlength={500}
        {...field('text')}
      />
      <PhotoList label="照片" max={SUPERVISION_PHOTOS_MAX} photos={photos} onChange={setPhotos} />
      <Text className="voice-form__note text-secondary">
        你的姓名和联系方式只有市场监管部门看得到，不会告知商家，也不会公开。
      </Text>
      {form.message && <Text className="voice-form__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={form.busy || undefined}
        onClick={send}
      >
        提交报告
      </Button>
    </View>
  )
}
