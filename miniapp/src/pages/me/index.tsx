import { Text, View } from '@tarojs/components'
import { env } from '../../env'
import { openPrivacyGuide } from '../../privacy/contract'
import './index.scss'

/** 我的: the member's own records once sign-in exists; privacy guide and version now. */
export default function MePage() {
  return (
    <View className="page me">
      <View className="card">
        <Text className="card__title">我的信息</Text>
        <Text className="text-secondary">
          登录后，这里将显示你的党员身份登记、报到记录和承诺审核进度。此功能尚未开放。
        </Text>
      </View>
      <View className="card me__list">
        <View className="me__row" hoverClass="me__row--pressed" onClick={openPrivacyGuide}>
          <Text>隐私保护指引</Text>
          <Text className="me__chevron text-secondary">›</Text>
        </View>
        <View className="me__row">
          <Text>版本</Text>
          <Text className="text-secondary">v{env.appVersion}</Text>
        </View>
      </View>
    </View>
  )
}
