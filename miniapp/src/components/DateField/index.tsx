import { Picker, Text, View } from '@tarojs/components'
import FieldFrame from '../FieldFrame'

interface Props {
  label: string
  /** `YYYY-MM-DD`, or '' when not chosen. */
  value: string
  onChange: (value: string) => void
  start: string
  end: string
  id?: string | undefined
  error?: string | undefined
}

/** A calendar day: WeChat's date wheel, the browser's date input in H5. */
export default function DateField({ label, value, onChange, start, end, id, error }: Props) {
  return (
    <FieldFrame label={label} id={id} error={error}>
      {process.env.TARO_ENV === 'h5' ? (
        <input
          className="field-frame__box"
          type="date"
          aria-label={label}
          min={start}
          max={end}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <Picker
          mode="date"
          start={start}
          end={end}
          value={value || end}
          onChange={(event) => onChange(event.detail.value)}
        >
          <View className="field-frame__box">
            <Text className={value ? '' : 'field-frame__placeholder'}>{value || '请选择日期'}</Text>
            <Text className="field-frame__placeholder">›</Text>
          </View>
        </Picker>
      )}
    </FieldFrame>
  )
}
