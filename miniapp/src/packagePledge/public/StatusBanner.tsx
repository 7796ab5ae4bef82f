import { chinaDateTime, type PublicStatus, publicStatusNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import { publicStatusTones } from '../../pledge/labels'

interface Props {
  status: PublicStatus
  statusText?: string | undefined
  reason: string | null
  code: string | null
  issuer?: string | null | undefined
  approvedAt?: string | null | undefined
}

const headline: Record<PublicStatus, string> = {
  valid: '承诺真实有效',
  pending: '承诺正在审核，尚未生效',
  suspended: '承诺已被暂停公示',
  revoked: '承诺已撤销，请勿轻信此牌',
  invalid: '此承诺牌无效，请勿轻信',
}

/** The first thing a customer sees: one word in big type, on green, orange or red. */
export default function StatusBanner({
  status,
  statusText,
  reason,
  code,
  issuer,
  approvedAt,
}: Props) {
  return (
    <View className={`public-banner public-banner--${publicStatusTones[status]}`}>
      <Text className="public-banner__status">{statusText || publicStatusNames[status]}</Text>
      <Text className="public-banner__headline">{headline[status]}</Text>
      {reason && <Text className="public-banner__reason">{reason}</Text>}
      {status === 'valid' && issuer && (
        <Text className="public-banner__line">审核单位：{issuer}</Text>
      )}
      {status === 'valid' && approvedAt && (
        <Text className="public-banner__line">
          审核通过：{chinaDateTime(approvedAt).slice(0, 10)}
        </Text>
      )}
      {code && <Text className="public-banner__line">承诺牌编码：{code}</Text>}
    </View>
  )
}
