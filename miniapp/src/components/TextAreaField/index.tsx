import { Text, Textarea, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
  id?: string | undefined
  error?: string | undefined
  maxlength?: number
  /** Focused on show: a dialog opened to type a reason starts in its field. */
  focus?: boolean
}

/** Several lines of free text (an answer, a reason), with its error underneath. */
export default function TextAreaField({ label, error, id, onChange, ...area }: Props) {
  return (
    <View className="textarea-field" id={id}>
      <Text className="textarea-field__label">{label}</Text>
      <Textarea
        className={`textarea-field__input${error ? ' textarea-field__input--invalid' : ''}`}
        placeholder={area.placeholder}
        value={area.value}
        maxlength={area.maxlength ?? 500}
        focus={area.focus}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error && <Text className="textarea-field__error">{error}</Text>}
    </View>
  )
}
