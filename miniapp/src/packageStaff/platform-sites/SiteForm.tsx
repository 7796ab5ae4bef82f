import { orgFormNames, PlatformSiteInput, platformNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import RegionField from '../../components/RegionField'
import SelectField, { optionsOf } from '../../components/SelectField'
import TextField from '../../components/TextField'
import { useZodForm } from '../../forms/useZodForm'
import {
  createPlatformSite,
  type PlatformSite,
  updatePlatformSite,
} from '../../services/platform-sites'
import { type SiteDraft, type SiteField, siteInputOf } from './site-model'

interface Props {
  /** The site being corrected; absent for a new one. */
  editing?: PlatformSite | undefined
  initial: SiteDraft
  onSaved: () => void
  onCancel: () => void
}

/** Every field of a platform site, checked with the shared schema before it is sent. */
export default function SiteForm({ editing, initial, onSaved, onCancel }: Props) {
  const form = useZodForm({ schema: PlatformSiteInput, initial, toInput: siteInputOf })
  const draft = form.values
  const busy = form.busy
  const field = (key: SiteField) => ({
    value: draft[key],
    error: form.errors[key],
    onChange: (value: string) => form.set(key, value),
  })
  const save = async () => {
    const send = (site: PlatformSiteInput) =>
      editing ? updatePlatformSite(editing.id, { site }) : createPlatformSite(site)
    if ((await form.submit(send))?.ok) onSaved()
  }
  return (
    <View className="card sites__form">
      <Text className="card__title">{editing ? '修改站点' : '新增站点'}</Text>
      <SelectField label="配送平台" options={optionsOf(platformNames)} {...field('platform')} />
      <TextField label="站点名称" placeholder="如：鼓楼东街站" maxlength={60} {...field('name')} />
      <RegionField label="所在区县" {...field('regionCode')} />
      <TextField label="站点地址（选填）" placeholder="街道、门牌号" {...field('address')} />
      <TextField
        label="骑手人数（选填）"
        placeholder="如 120"
        type="number"
        maxlength={6}
        {...field('riderCount')}
      />
      <TextField
        label="党员骑手人数"
        placeholder="如 9，没有填 0"
        type="number"
        maxlength={6}
        {...field('memberRiderCount')}
      />
      <SelectField label="党组织形式" options={optionsOf(orgFormNames)} {...field('orgForm')} />
      {draft.orgForm !== 'none' && (
        <TextField
          label="党组织名称"
          placeholder="如：美团鼓楼东街站流动党员党支部"
          {...field('orgName')}
        />
      )}
      <TextField
        label="党建工作指导员（选填）"
        placeholder="姓名"
        hint="未建党组织的站点有指导员，即计为工作覆盖"
        maxlength={30}
        {...field('instructor')}
      />
      {form.message && <Text className="sites__error">{form.message}</Text>}
      <Button
        className="btn btn--primary"
        hoverClass="btn--pressed"
        disabled={busy || undefined}
        onClick={save}
      >
        {busy ? '正在保存…' : '保存'}
      </Button>
      <Button className="btn" hoverClass="btn--pressed" onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
