import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  label: string
  id?: string | undefined
  error?: string | undefined
  hint?: string | undefined
  children: ReactNode
}

/** Label, control, hint and error, laid out like TextField for the non-text controls. */
export default function FieldFrame({ label, id, error, hint, children }: Props) {
  return (
    <View className={`field-frame${error ? ' field-frame--invalid' : ''}`} id={id}>
      <Text className="field-frame__label">{label}</Text>
      {children}
      {hint && <Text className="field-frame__hint">{hint}</Text>}
      {error && <Text className="field-frame__error">{error}</Text>}
    </View>
  )
}
