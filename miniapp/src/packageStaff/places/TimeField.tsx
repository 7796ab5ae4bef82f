import { Picker, Text, View } from '@tarojs/components'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
}

/** 时:分 — WeChat's time wheel, the browser's time input in H5. */
export default function TimeField({ label, value, onChange }: Props) {
  if (process.env.TARO_ENV === 'h5')
    return (
      <input
        className="hours__time"
        type="time"
        aria-label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    )
  return (
    <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <View className="hours__time">
        <Text>{value || '选择'}</Text>
      </View>
    </Picker>
  )
}
