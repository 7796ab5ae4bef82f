import { Text, View } from '@tarojs/components'
import './index.scss'

/** 承诺: members' public pledges (亮身份、亮承诺); not built yet, so it says what is coming. */
export default function PledgesPage() {
  return (
    <View className="page pledges">
      <View className="card">
        <Text className="card__title">我的承诺</Text>
        <Text className="pledges__line">这里将用于发布你的公开承诺：亮身份、亮承诺。</Text>
        <Text className="pledges__line">
          承诺提交后由市场监管所审核，审核通过后生成可扫码查验的承诺牌。
        </Text>
        <Text className="pledges__line text-secondary">此功能尚未开放。</Text>
      </View>
    </View>
  )
}
