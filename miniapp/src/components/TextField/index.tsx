import { Input, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
  onConfirm?: () => void
  error?: string | undefined
  /** What the field is for, under it (e.g. why an ID number is asked). */
  hint?: string | undefined
  /** On the wrapper, so a form can scroll to the field. */
  id?: string | undefined
  password?: boolean
  /** `number` brings up the digit keyboard (the 6-digit code); `digit` adds the point. */
  type?: 'text' | 'number' | 'digit' | 'idcard'
  maxlength?: number
}

/** A labelled input with its error underneath; 48 px high for thumbs. */
export default function TextField({
  label,
  error,
  hint,
  id,
  onChange,
  onConfirm,
  ...input
}: Props) {
  return (
    <View className="text-field" id={id}>
      <Text className="text-field__label">{label}</Text>
      <Input
        className={`text-field__input${error ? ' text-field__input--invalid' : ''}`}
        placeholder={input.placeholder}
        value={input.value}
        password={input.password ?? false}
        type={input.type ?? 'text'}
        maxlength={input.maxlength ?? 140}
        onInput={(event) => onChange(event.detail.value)}
        onConfirm={() => onConfirm?.()}
      />
      {hint && <Text className="text-field__hint">{hint}</Text>}
      {error && <Text className="text-field__error">{error}</Text>}
    </View>
  )
}
