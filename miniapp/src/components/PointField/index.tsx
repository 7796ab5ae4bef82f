import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import FieldFrame from '../FieldFrame'
import TextField from '../TextField'

interface Props {
  lat: string
  lng: string
  error?: string | undefined
  /** On the wrapper, so a form can scroll to the field. */
  id?: string
  /** From the map picker: the chosen place's address and name (a shop's, an estate's). */
  onChange: (point: { lat: string; lng: string }, address?: string, name?: string) => void
}

/**
 * A position in GCJ-02 (a place's, an activity's venue): WeChat's map picker; in H5 two
 * number fields (the browser's own location would be WGS-84 and the map SDK is offline).
 */
export default function PointField({ lat, lng, error, id = 'field-location', onChange }: Props) {
  if (process.env.TARO_ENV === 'h5')
    return (
      <View id={id}>
        <TextField
          label="纬度（GCJ-02）"
          placeholder="如 26.0865"
          type="digit"
          value={lat}
          onChange={(text) => onChange({ lat: text, lng })}
        />
        <TextField
          label="经度（GCJ-02）"
          placeholder="如 119.2965"
          type="digit"
          value={lng}
          error={error}
          onChange={(text) => onChange({ lat, lng: text })}
        />
      </View>
    )
  const choose = async () => {
    try {
      const place = await Taro.chooseLocation({})
      onChange(
        { lat: String(place.latitude), lng: String(place.longitude) },
        place.address,
        place.name,
      )
    } catch {
      // Closed without choosing: the position stays as it was.
    }
  }
  return (
    <FieldFrame label="位置" id={id} error={error}>
      <Text className={lat ? '' : 'field-frame__placeholder'}>
        {lat && lng ? `纬度 ${lat}，经度 ${lng}` : '尚未选择'}
      </Text>
      <Button className="btn" hoverClass="btn--pressed" onClick={choose}>
        在地图上选择
      </Button>
    </FieldFrame>
  )
}
