import { pledgeTitles, publicStatusNames } from '@djt/shared'
import { Button, Text, View } from '@tarojs/components'
import { showFailure } from '../../hooks/failure'
import { publicStatusTones } from '../../pledge/labels'
import { downloadStaffPlaque, type StaffPledge } from '../../services/pledge-review'

/** Who pledged, the live public status, the code, and the plaque to print. */
export default function PledgeHeader({ pledge, name }: { pledge: StaffPledge; name: string }) {
  const printable = pledge.publicStatus === 'valid' && pledge.code
  const plaque = (format: 'png' | 'pdf') => () =>
    void downloadStaffPlaque(pledge.id, format, name).catch((e) => showFailure('下载未成功', e))
  return (
    <View className="card">
      <View className="pledge-detail__head">
        <Text className="pledge-detail__name">{name}</Text>
        <Text className={`pledge-badge pledge-badge--${publicStatusTones[pledge.publicStatus]}`}>
          {publicStatusNames[pledge.publicStatus]}
        </Text>
      </View>
      <Text className="pledge-detail__line text-secondary">
        {pledgeTitles[pledge.kind]} · {pledge.regionName} · 党员登记：{pledge.memberStateText}
      </Text>
      {pledge.code && <Text className="pledge-detail__line">承诺牌编码：{pledge.code}</Text>}
      {printable && (
        <View className="pledge-detail__plaque">
          <Button
            className="btn pledge-detail__plaque-button"
            hoverClass="btn--pressed"
            onClick={plaque('png')}
          >
            下载承诺牌
          </Button>
          <Button
            className="btn pledge-detail__plaque-button"
            hoverClass="btn--pressed"
            onClick={plaque('pdf')}
          >
            下载PDF
          </Button>
        </View>
      )}
    </View>
  )
}
