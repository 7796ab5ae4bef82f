import { memberTypeNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import {
  BoundPastDate,
  BoundRegion,
  BoundSelect,
  BoundSwitch,
  BoundText,
  type FormBinding,
} from './bound'

export const ID_NUMBER_HINT =
  '选填。仅用于与党组织的党员名单比对、核实身份；加密保存，页面上只显示部分号码。'

/** What the server already holds, shown masked; left empty, it stays as it is. */
export interface Masked {
  mobile: string | null
  idNumber: string | null
}

export const keepHint = (masked: string | null, fallback: string) =>
  masked ? `已保存 ${masked}，不修改可留空` : fallback

/** Name, mobile and the optional ID number: who the member is. */
export function PersonFields({ form, masked }: { form: FormBinding; masked: Masked }) {
  return (
    <View className="card">
      <Text className="card__title">本人信息</Text>
      <BoundText form={form} field="name" placeholder="与身份证一致" maxlength={30} />
      <BoundText
        form={form}
        field="mobile"
        type="number"
        maxlength={11}
        placeholder={keepHint(masked.mobile, '11位手机号')}
      />
      <BoundText
        form={form}
        field="idNumber"
        type="idcard"
        maxlength={18}
        placeholder={keepHint(masked.idNumber, '18位身份证号（选填）')}
        hint={ID_NUMBER_HINT}
      />
    </View>
  )
}

/** Where the membership is held and what kind it is. */
export function PartyFields({ form }: { form: FormBinding }) {
  return (
    <View className="card">
      <Text className="card__title">党员信息</Text>
      <BoundText form={form} field="orgName" placeholder="如：××街道××社区党支部" />
      <BoundRegion form={form} field="orgRegionCode" />
      <BoundSelect form={form} field="memberType" names={memberTypeNames} />
      <BoundPastDate form={form} field="joinedOn" />
      <BoundSwitch
        form={form}
        field="flowMember"
        label="是否流动党员（在组织关系所在地以外工作）"
      />
      <BoundSwitch form={form} field="wantsLocalBranch" label="愿意参加当地流动党员党支部活动" />
    </View>
  )
}
