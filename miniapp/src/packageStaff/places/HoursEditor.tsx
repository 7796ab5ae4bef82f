import { Text, View } from '@tarojs/components'
import SwitchField from '../../components/SwitchField'
import { weekdayNames } from '../../places/hours'
import { addRange, type HoursDraft, removeRange, setRange, setSameEveryDay } from './hours-draft'
import TimeField from './TimeField'

interface Props {
  value: HoursDraft
  onChange: (value: HoursDraft) => void
  error?: string | undefined
}

/** 24小时 or ranges; one set for every day, or each day its own (no range = 休息). */
export default function HoursEditor({ value, onChange, error }: Props) {
  const days = value.sameEveryDay ? [0] : weekdayNames.map((_, i) => i)
  return (
    <View className="hours" id="field-hours">
      <Text className="hours__label">开放时间</Text>
      <SwitchField
        label="24小时开放"
        value={value.always}
        onChange={(always) => onChange({ ...value, always })}
      />
      {!value.always && (
        <SwitchField
          label="每天相同"
          value={value.sameEveryDay}
          onChange={(same) => onChange(setSameEveryDay(value, same))}
        />
      )}
      {!value.always &&
        days.map((day) => <DayRanges key={day} day={day} value={value} onChange={onChange} />)}
      {!value.always && (
        <Text className="text-secondary hours__hint">
          关门早于开门表示营业到次日，如 22:00 至 02:00。
        </Text>
      )}
      {error && <Text className="hours__error">{error}</Text>}
    </View>
  )
}

/** One day's ranges (or every day's, when they are the same), each removable. */
function DayRanges({ day, value, onChange }: { day: number } & Omit<Props, 'error'>) {
  const ranges = value.days[day] ?? []
  const dayName = value.sameEveryDay ? '每天' : (weekdayNames[day] ?? '')
  return (
    <View className="hours__day">
      <Text className="hours__day-name">{dayName}</Text>
      <View className="hours__ranges">
        {ranges.length === 0 && <Text className="text-secondary hours__closed">休息</Text>}
        {ranges.map((range, index) => (
          // Ranges have no identity of their own and hold no state: their place is their key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <View key={index} className="hours__range">
            <TimeField
              label={`${dayName}第${index + 1}段开门`}
              value={range.open}
              onChange={(open) => onChange(setRange(value, day, index, { open }))}
            />
            <Text className="hours__dash">至</Text>
            <TimeField
              label={`${dayName}第${index + 1}段关门`}
              value={range.close}
              onChange={(close) => onChange(setRange(value, day, index, { close }))}
            />
            <Text
              className="link hours__action"
              onClick={() => onChange(removeRange(value, day, index))}
            >
              删除
            </Text>
          </View>
        ))}
        {ranges.length < 4 && (
          <Text className="link hours__action" onClick={() => onChange(addRange(value, day))}>
            添加时段
          </Text>
        )}
      </View>
    </View>
  )
}
