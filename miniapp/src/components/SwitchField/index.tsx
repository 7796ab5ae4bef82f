import { Switch, Text, View } from '@tarojs/components'
import { colours } from '../../styles/tokens'
import './index.scss'

interface Props {
  label: string
  value: boolean
  onChange: (value: boolean) => void
  id?: string | undefined
  error?: string | undefined
}

/** A yes/no question as one row: the question on the left, the switch on the right. */
export default function SwitchField({ label, value, onChange, id, error }: Props) {
  return (
    <View className="switch-field" id={id}>
      <View className="switch-field__row">
        <Text className="switch-field__label">{label}</Text>
        <Switch
          checked={value}
          color={colours.partyRed}
          onChange={(event) => onChange(Boolean(event.detail.value))}
        />
      </View>
      {error && <Text className="switch-field__error">{error}</Text>}
    </View>
  )
}
