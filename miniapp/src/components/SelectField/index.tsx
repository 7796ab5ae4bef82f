import { Picker, Text, View } from '@tarojs/components'
import FieldFrame from '../FieldFrame'

export interface Option {
  value: string
  label: string
}

interface Props {
  label: string
  options: readonly Option[]
  value: string
  onChange: (value: string) => void
  id?: string | undefined
  error?: string | undefined
  placeholder?: string
}

/** The placeholder's value in the browser's `<select>`: no option's value can be this. */
const NOTHING_CHOSEN = '\u0000'

/** The platform's own picker: WeChat's wheel, the browser's `<select>` in H5. */
export default function SelectField({
  label,
  options,
  value,
  onChange,
  id,
  error,
  ...rest
}: Props) {
  const placeholder = rest.placeholder ?? '请选择'
  const index = options.findIndex((option) => option.value === value)
  return (
    <FieldFrame label={label} id={id} error={error}>
      {process.env.TARO_ENV === 'h5' ? (
        <select
          className="field-frame__box"
          aria-label={label}
          value={index >= 0 ? value : NOTHING_CHOSEN}
          onChange={(event) => onChange(event.target.value)}
        >
          {/* Only while nothing is chosen: an option worth '' (全部平台) must show as itself. */}
          {index < 0 && (
            <option value={NOTHING_CHOSEN} disabled>
              {placeholder}
            </option>
          )}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <Picker
          mode="selector"
          range={options.map((option) => option.label)}
          value={Math.max(index, 0)}
          onChange={(event) => {
            const picked = options[Number(event.detail.value)]
            if (picked) onChange(picked.value)
          }}
        >
          <View className="field-frame__box">
            <Text className={index >= 0 ? '' : 'field-frame__placeholder'}>
              {options[index]?.label ?? placeholder}
            </Text>
            <Text className="field-frame__placeholder">›</Text>
          </View>
        </Picker>
      )}
    </FieldFrame>
  )
}

/** Options from one of the shared name tables (platformNames…), in its order. */
export function optionsOf(names: Record<string, string>): Option[] {
  return Object.entries(names).map(([value, label]) => ({ value, label }))
}
