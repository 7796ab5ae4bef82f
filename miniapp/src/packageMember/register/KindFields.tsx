import { businessKindNames, orgFormNames, platformNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { BoundRegion, BoundSelect, BoundSwitch, BoundText, type FormBinding } from './bound'
import LocationField from './LocationField'
import { keepHint, type Masked, PartyFields, PersonFields } from './MemberFields'

interface Props {
  form: FormBinding
  masked: Masked
}

export function RiderFields({ form, masked }: Props) {
  return (
    <>
      <PersonFields form={form} masked={masked} />
      <View className="card">
        <Text className="card__title">配送工作</Text>
        <BoundSelect form={form} field="platform" names={platformNames} />
        {form.draft.platform === 'other' && (
          <BoundText form={form} field="platformOther" placeholder="平台名称" maxlength={30} />
        )}
        <BoundText
          form={form}
          field="riderId"
          placeholder="平台App中的骑手编号/工号"
          maxlength={64}
        />
        <BoundText form={form} field="deliveryStation" placeholder="如：美团鼓楼东街站" />
        <BoundRegion form={form} field="workRegionCode" />
      </View>
      <PartyFields form={form} />
    </>
  )
}

export function OperatorFields({ form, masked }: Props) {
  return (
    <>
      <PersonFields form={form} masked={masked} />
      <View className="card">
        <Text className="card__title">经营主体</Text>
        <BoundText form={form} field="businessName" placeholder="营业执照上的名称" />
        <BoundText
          form={form}
          field="uscc"
          type="idcard"
          maxlength={18}
          placeholder="营业执照上的18位代码"
        />
        <BoundSelect form={form} field="businessKind" names={businessKindNames} />
        <BoundSwitch form={form} field="inMarket" label="在专业市场内经营" />
        {form.draft.inMarket === true && (
          <>
            <BoundText form={form} field="marketName" placeholder="如：福州市××农贸市场" />
            <BoundText form={form} field="stallNo" placeholder="如：A-018" maxlength={30} />
          </>
        )}
        <BoundRegion form={form} field="workRegionCode" label="经营地区" />
      </View>
      <PartyFields form={form} />
    </>
  )
}

export function MarketOpenerFields({ form, masked }: Props) {
  return (
    <>
      <View className="card">
        <Text className="card__title">联系人</Text>
        <BoundText form={form} field="contactName" placeholder="与身份证一致" maxlength={30} />
        <BoundText
          form={form}
          field="mobile"
          type="number"
          maxlength={11}
          placeholder={keepHint(masked.mobile, '11位手机号')}
        />
      </View>
      <View className="card">
        <Text className="card__title">市场</Text>
        <BoundText form={form} field="marketName" placeholder="如：福州市××农贸市场" />
        <BoundText
          form={form}
          field="uscc"
          type="idcard"
          maxlength={18}
          placeholder="开办单位的18位代码（选填）"
        />
        <BoundText form={form} field="address" placeholder="街道、门牌号" maxlength={200} />
        <BoundRegion form={form} field="regionCode" />
        <LocationField form={form} />
        <BoundText
          form={form}
          field="stallCount"
          type="number"
          maxlength={6}
          placeholder="经营户（摊位）总数"
        />
        <BoundText
          form={form}
          field="memberStallOwnerCount"
          type="number"
          maxlength={6}
          placeholder="其中党员经营户数"
        />
      </View>
      <View className="card">
        <Text className="card__title">党组织</Text>
        <BoundSelect form={form} field="orgForm" names={orgFormNames} />
        {form.draft.orgForm !== undefined && form.draft.orgForm !== 'none' && (
          <BoundText form={form} field="orgName" placeholder="如：××市场联合党支部" />
        )}
      </View>
    </>
  )
}
