import { Image, Text, View } from '@tarojs/components'
import { useSignInCode } from './useSignInCode'

/**
 * The organiser's screen at the venue: a QR members scan, replaced every 30 s so a photo
 * passed on later is refused; the code as text under it for a browser, which cannot scan.
 */
export default function SignInQrCard({ activityId }: { activityId: string }) {
  const state = useSignInCode(activityId, true)
  return (
    <View className="card activity__qr-card">
      <Text className="card__title">现场签到码</Text>
      {state.phase === 'loading' && <Text className="text-secondary">正在获取签到码…</Text>}
      {state.phase === 'failed' && <Text className="text-secondary">{state.message}</Text>}
      {state.phase === 'shown' && (
        <View className="activity__qr">
          <Image
            className="activity__qr-image"
            src={state.code.qrDataUrl}
            mode="aspectFit"
            ariaLabel="签到二维码"
          />
          <Text className="activity__qr-code" userSelect>
            {state.code.code}
          </Text>
        </View>
      )}
      <Text className="text-secondary activity__explain">
        请参加者用党建通扫码签到。签到码每30秒更新一次，截图转发无效。
      </Text>
    </View>
  )
}
