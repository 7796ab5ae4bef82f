import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { useCurrentUser } from '../../hooks/useSession'
import { staffPages } from '../../routes'

/** Staff pages show their content to signed-in staff only; others are sent to sign in. */
export default function StaffOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser()
  if (user?.staff) return <>{children}</>
  return (
    <View className="page">
      <View className="card">
        <Text className="text-secondary">此页面仅供市场监管工作人员使用，请先登录。</Text>
        <Button
          className="btn btn--primary"
          hoverClass="btn--pressed"
          onClick={() => Taro.redirectTo({ url: staffPages.login })}
        >
          工作人员登录
        </Button>
      </View>
    </View>
  )
}

/** A one-line page body: loading, failed (with retry), empty. */
export function PageNotice({ text, onRetry }: { text: string; onRetry?: () => void }) {
  return (
    <View className="card">
      <Text className="text-secondary">{text}</Text>
      {onRetry && (
        <Button className="btn btn--primary" hoverClass="btn--pressed" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
