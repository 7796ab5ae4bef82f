import type { PledgeKind } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import TextAreaField from '../../components/TextAreaField'
import TextField from '../../components/TextField'
import type { PledgeFormFields } from './usePledgeForm'

interface Props {
  kind: PledgeKind
  form: PledgeFormFields
}

type TextKey = 'displayName' | 'business' | 'stall' | 'role' | 'duties'

/** 亮身份 and 亮职责: who the customer deals with and what they answer for. */
export default function IdentityFields({ kind, form }: Props) {
  const { values, errors } = form
  const set = (key: TextKey) => (value: string) => form.set(key, value)
  const field = (key: TextKey, label: string, placeholder: string, maxlength: number) => (
    <TextField
      id={`pledge-${key}`}
      label={label}
      placeholder={placeholder}
      maxlength={maxlength}
      value={values[key]}
      error={errors[key]}
      onChange={set(key)}
    />
  )
  const operator = kind === 'operator'
  return (
    <>
      <View className="card">
        <Text className="card__title">亮身份</Text>
        {field('displayName', '公示姓名', '顾客看到的称呼，如：周师傅', 20)}
        {operator
          ? field('business', '经营户名称', '如：老周水果店', 40)
          : field('business', '所属平台和站点', '如：美团鼓楼东街站', 40)}
        {operator && field('stall', '摊位号（选填）', '如：A-018', 40)}
      </View>
      <View className="card">
        <Text className="card__title">亮职责</Text>
        {field('role', '职责身份', operator ? '如：党员经营户' : '如：党员骑手', 30)}
        <TextAreaField
          id="pledge-duties"
          label="职责内容"
          placeholder={
            operator ? '如：带头诚信经营，帮助周边摊户解决困难' : '如：带头安全配送，帮助新骑手'
          }
          maxlength={200}
          value={values.duties}
          error={errors.duties}
          onChange={set('duties')}
        />
      </View>
    </>
  )
}
