import { chinaDateTime, membershipKindNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import StateBadge from '../../components/StateBadge'
import { fieldLabels } from '../../membership/labels'
import type { MyMembership } from '../../services/memberships'

/** The entry's state in large type, who it is about, and the masked identifiers. */
export default function StatusCard({ mine }: { mine: MyMembership }) {
  const name = mine.form.name ?? mine.form.contactName
  return (
    <View className="card status">
      <Text className="status__label text-secondary">登记状态</Text>
      <View className="status__state">
        <StateBadge state={mine.state} large />
      </View>
      <Row label="登记类型" value={membershipKindNames[mine.kind]} />
      {typeof name === 'string' && <Row label="姓名" value={name} />}
      {mine.kind === 'market_opener' && typeof mine.form.marketName === 'string' && (
        <Row label="市场名称" value={mine.form.marketName} />
      )}
      <Row label={fieldLabels.mobile ?? '手机号'} value={mine.mobileMasked ?? '未填写'} />
      {mine.kind !== 'market_opener' && (
        <Row label={fieldLabels.idNumber ?? '身份证号'} value={mine.idNumberMasked ?? '未填写'} />
      )}
      <Row label="更新时间" value={chinaDateTime(mine.updatedAt)} />
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="status__row">
      <Text className="text-secondary">{label}</Text>
      <Text>{value}</Text>
    </View>
  )
}

/** The staff question waiting for an answer, and warnings such as a USCC from another region. */
export function EntryNotices({ mine }: { mine: MyMembership }) {
  return (
    <>
      {mine.state === 'needs_info' && mine.question && (
        <View className="card status__question">
          <Text className="card__title">工作人员请你补充</Text>
          <Text>{mine.question}</Text>
        </View>
      )}
      {mine.warnings.length > 0 && (
        <View className="card status__warnings">
          <Text className="card__title">请留意</Text>
          {mine.warnings.map((warning) => (
            <Text key={`${warning.field}-${warning.message}`} className="status__warning">
              {warning.message}
            </Text>
          ))}
        </View>
      )}
    </>
  )
}
