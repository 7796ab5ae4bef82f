import { membershipKindNames } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import StateBadge from '../../components/StateBadge'
import { useRegionName } from '../../hooks/useRegionName'
import { fieldOrder, regionFields, type SensitiveField } from '../../membership/fields'
import { displayValue, fieldLabels } from '../../membership/labels'
import type { ReviewDetail } from '../../services/review'

interface Props {
  detail: ReviewDetail
  onReveal: (field: SensitiveField) => void
}

/** What the person reported, field by field; mobile and ID masked with a logged 查看. */
export default function EntryCard({ detail, onReveal }: Props) {
  const masked: Record<SensitiveField, string | null> = {
    mobile: detail.mobileMasked,
    idNumber: detail.idNumberMasked,
  }
  return (
    <View className="card detail__entry">
      <View className="detail__head">
        <Text className="card__title">{membershipKindNames[detail.kind]}</Text>
        <StateBadge state={detail.state} />
      </View>
      <Text className="text-secondary">{detail.regionName}</Text>
      {fieldOrder[detail.kind].map((field) => {
        if (field === 'mobile' || field === 'idNumber') {
          return <MaskedRow key={field} field={field} value={masked[field]} onReveal={onReveal} />
        }
        const value = detail.form[field]
        if (value === undefined && !(field in detail.form)) return null
        return (
          <Row key={field} label={fieldLabels[field] ?? field}>
            {regionFields.has(field) && typeof value === 'string' ? (
              <RegionName code={value} />
            ) : (
              <Text>{displayValue(field, value)}</Text>
            )}
          </Row>
        )
      })}
      {detail.warnings.map((warning) => (
        <Text key={`${warning.field}-${warning.message}`} className="detail__warning">
          ⚠ {warning.message}
        </Text>
      ))}
    </View>
  )
}

function MaskedRow(props: {
  field: SensitiveField
  value: string | null
  onReveal: (field: SensitiveField) => void
}) {
  return (
    <Row label={fieldLabels[props.field] ?? props.field}>
      <Text>{props.value ?? '未填写'}</Text>
      {props.value && (
        <Text className="link detail__reveal" onClick={() => props.onReveal(props.field)}>
          查看
        </Text>
      )}
    </Row>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="detail__row">
      <Text className="detail__label text-secondary">{label}</Text>
      <View className="detail__value">{children}</View>
    </View>
  )
}

function RegionName({ code }: { code: string }) {
  return <Text>{useRegionName(code)}</Text>
}
