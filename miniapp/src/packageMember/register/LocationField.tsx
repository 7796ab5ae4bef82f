import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import FieldFrame from '../../components/FieldFrame'
import TextField from '../../components/TextField'
import { displayValue } from '../../membership/labels'
import { type FormBinding, textOf } from './bound'

type Point = { lat?: unknown; lng?: unknown }

/**
 * The market's position in GCJ-02: WeChat's map picker in the mini-program; two number
 * fields in H5, where the browser's location would be WGS-84 and the map SDK is offline.
 */
export default function LocationField({ form }: { form: FormBinding }) {
  return process.env.TARO_ENV === 'h5' ? <TypedLocation form={form} /> : <MapLocation form={form} />
}

function pointOf(form: FormBinding): Point {
  return (form.draft.location ?? {}) as Point
}

/** Latitude and longitude as typed; kept as text until submit so "26." survives. */
function TypedLocation({ form }: { form: FormBinding }) {
  const point = pointOf(form)
  const set = (axis: 'lat' | 'lng') => (text: string) =>
    form.edit('location', { ...point, [axis]: text })
  return (
    <View id="field-location">
      <TextField
        label="市场位置：纬度"
        placeholder="如 26.0821"
        type="digit"
        value={textOf(point.lat)}
        onChange={set('lat')}
      />
      <TextField
        label="市场位置：经度"
        placeholder="如 119.2965"
        type="digit"
        value={textOf(point.lng)}
        onChange={set('lng')}
        error={form.errors.location}
      />
    </View>
  )
}

/** WeChat's map picker, which answers in GCJ-02; its address fills an empty address field. */
function MapLocation({ form }: { form: FormBinding }) {
  const point = pointOf(form)
  const choose = async () => {
    try {
      const place = await Taro.chooseLocation({})
      form.edit('location', { lat: place.latitude, lng: place.longitude })
      if (!textOf(form.draft.address) && place.address) form.edit('address', place.address)
    } catch {
      // Closed without choosing: the position stays as it was.
    }
  }
  const chosen = point.lat !== undefined && point.lng !== undefined
  return (
    <FieldFrame label="市场位置" id="field-location" error={form.errors.location}>
      <Text className={chosen ? '' : 'field-frame__placeholder'}>
        {chosen ? displayValue('location', point) : '尚未选择'}
      </Text>
      <Button className="btn" hoverClass="btn--pressed" onClick={choose}>
        在地图上选择
      </Button>
    </FieldFrame>
  )
}
