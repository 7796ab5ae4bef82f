import {
  chinaToday,
  type PlaceKind,
  placeKindNames,
  placeOperatorNames,
  stationBrandNames,
} from '@djt/shared'
import { View } from '@tarojs/components'
import DateField from '../../components/DateField'
import PointField from '../../components/PointField'
import RegionField from '../../components/RegionField'
import SelectField, { optionsOf } from '../../components/SelectField'
import TextField from '../../components/TextField'
import BranchFields from './BranchFields'
import FacilityChips from './FacilityChips'
import type { PlaceForm, PlaceFormErrors } from './form-model'
import HoursEditor from './HoursEditor'

interface Props {
  form: PlaceForm
  errors: PlaceFormErrors
  edit: <K extends keyof PlaceForm>(key: K, value: PlaceForm[K]) => void
}

/** Every field of PlaceInput, each with its Chinese error underneath. */
export default function PlaceFields({ form, errors, edit }: Props) {
  return (
    <View>
      <TextField
        label="场所名称"
        placeholder="如：东街口爱心驿站"
        value={form.name}
        error={errors.name}
        maxlength={60}
        onChange={(v) => edit('name', v)}
      />
      <SelectField
        label="场所类型"
        options={optionsOf(placeKindNames)}
        value={form.kind}
        error={errors.kind}
        onChange={(v) => edit('kind', v as PlaceKind)}
      />
      {form.kind === 'care_station' && (
        <SelectField
          label="驿站名称类型（可选）"
          options={optionsOf(stationBrandNames)}
          value={form.brand}
          error={errors.brand}
          onChange={(v) => edit('brand', v)}
        />
      )}
      <RegionField
        label="所在区县"
        value={form.regionCode}
        error={errors.regionCode}
        onChange={(v) => edit('regionCode', v)}
      />
      <TextField
        label="地址"
        placeholder="街道、门牌号"
        value={form.address}
        error={errors.address}
        maxlength={200}
        onChange={(v) => edit('address', v)}
      />
      <PointField
        lat={form.lat}
        lng={form.lng}
        error={errors.location}
        onChange={(point, address) => {
          edit('lat', point.lat)
          edit('lng', point.lng)
          if (address && !form.address.trim()) edit('address', address)
        }}
      />
      <HoursEditor value={form.hours} error={errors.hours} onChange={(v) => edit('hours', v)} />
      <FacilityChips value={form.facilities} onChange={(v) => edit('facilities', v)} />
      <TextField
        label="电话（可选）"
        placeholder="固定电话或手机号"
        value={form.phone}
        error={errors.phone}
        maxlength={20}
        onChange={(v) => edit('phone', v)}
      />
      <SelectField
        label="运营方"
        options={optionsOf(placeOperatorNames)}
        value={form.operator}
        error={errors.operator}
        onChange={(v) => edit('operator', v)}
      />
      <DateField
        label="最近核查日期（可选）"
        value={form.lastCheckedOn}
        start="2000-01-01"
        end={chinaToday()}
        error={errors.lastCheckedOn}
        onChange={(v) => edit('lastCheckedOn', v)}
      />
      {form.kind === 'flow_branch' && (
        <BranchFields value={form.branch} errors={errors} onChange={(v) => edit('branch', v)} />
      )}
    </View>
  )
}
