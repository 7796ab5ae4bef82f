import { Text, View } from '@tarojs/components'
import DemoBanner from '../../components/DemoBanner'
import PrivacySheet from '../../components/PrivacySheet'
import ServiceStatusCard from '../../components/ServiceStatusCard'
import { useServiceStatus } from '../../hooks/useServiceStatus'
import './index.scss'

/** 附近 (home): care stations and branches near the user; for now, service readiness. */
export default function NearbyPage() {
  const { state, reload } = useServiceStatus()
  const demo = state.phase === 'loaded' && state.status.demo

  return (
    <View className="page nearby">
      {demo && <DemoBanner />}
      <ServiceStatusCard state={state} onRetry={reload} />
      <View className="card">
        <Text className="card__title">附近的服务点</Text>
        <Text className="text-secondary">
          这里将显示你附近的爱心驿站、爱心食堂和流动党员党支部，可按距离查看、导航和报到。
        </Text>
      </View>
      <PrivacySheet />
    </View>
  )
}
