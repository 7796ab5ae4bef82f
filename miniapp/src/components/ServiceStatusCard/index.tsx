import { Button, Text, View } from '@tarojs/components'
import type { ServiceStatusState } from '../../hooks/useServiceStatus'
import './index.scss'

interface Props {
  state: ServiceStatusState
  onRetry: () => void
}

/** Whether the service can be used right now, with a retry when it cannot. */
export default function ServiceStatusCard({ state, onRetry }: Props) {
  if (state.phase === 'loading') {
    return (
      <View className="card service-status">
        <Text className="service-status__text text-secondary">正在连接服务…</Text>
      </View>
    )
  }
  if (state.phase === 'loaded' && state.status.ready) {
    return (
      <View className="card service-status">
        <Text className="service-status__text service-status__text--ready">服务就绪</Text>
      </View>
    )
  }
  const reason = state.phase === 'failed' ? state.error.message : '服务正在准备中，请稍后重试'
  return (
    <View className="card service-status">
      <Text className="service-status__text service-status__text--down">服务暂不可用</Text>
      <Text className="service-status__reason text-secondary">{reason}</Text>
      <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
