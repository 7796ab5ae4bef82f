import { type MembershipKind, membershipKindNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'

const kindHints: Record<MembershipKind, string> = {
  rider: '美团、饿了么、朴朴等平台的外卖、快递、同城配送员',
  operator: '个体工商户、小微企业出资人、专业市场内的经营户',
  market_opener: '专业市场的开办单位：登记市场、经营户和党组织情况',
}

/** The first question, as three big buttons: which kind of registration this is. */
export default function KindChooser({ onChoose }: { onChoose: (kind: MembershipKind) => void }) {
  return (
    <View>
      <Text className="register__lead">请选择你的身份</Text>
      {(Object.keys(membershipKindNames) as MembershipKind[]).map((kind) => (
        <View
          key={kind}
          className="card register__kind"
          hoverClass="register__kind--pressed"
          onClick={() => onChoose(kind)}
        >
          <Text className="register__kind-name">{membershipKindNames[kind]}</Text>
          <Text className="register__kind-hint text-secondary">{kindHints[kind]}</Text>
        </View>
      ))}
    </View>
  )
}
