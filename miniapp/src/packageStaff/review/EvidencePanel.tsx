import {
  chinaDateTime,
  type Evidence,
  evidenceFieldName,
  evidenceStrengthNames,
  type FieldComparison,
  LinkageLevel,
  linkageLevelNames,
  probabilityText,
  type RegisterEvidence,
  registerKindNames,
  weightText,
} from '@djt/shared'
import { Text, View } from '@tarojs/components'

const registerStatusNames: Record<RegisterEvidence['status'], string> = {
  match: '一致',
  partial: '部分一致',
  conflict: '有矛盾',
  absent: '无记录',
}

const comparisonMarks: Record<FieldComparison['result'], string> = {
  match: '✓ 一致',
  differ: '✗ 不一致',
  absent: '— 名录未载',
}

const suggestionNames: Record<Evidence['suggestion'], string> = {
  verify: '建议通过',
  ask: '建议退回补充',
  reject: '建议不通过',
  review: '需人工判断',
}

/**
 * A field as scored (姓名 · 同音 +6.0), or as an older evidence said it (✓ 一致): the level
 * in words and the weight it added to or took from the total.
 */
function markOf(comparison: FieldComparison): string {
  const level = LinkageLevel.safeParse(comparison.level)
  if (!level.success || comparison.weight === undefined) return comparisonMarks[comparison.result]
  return `${linkageLevelNames[level.data]} ${weightText(comparison.weight)}`
}

/** What the imported registers say about the entry, register by register and field by field. */
export default function EvidencePanel({ evidence }: { evidence: Evidence | null }) {
  if (!evidence) {
    return (
      <View className="card detail__evidence">
        <Text className="card__title">名录比对</Text>
        <Text className="text-secondary">尚未比对（没有可用的名录）。</Text>
      </View>
    )
  }
  return (
    <View className="card detail__evidence">
      <Text className="card__title">名录比对</Text>
      <View className={`detail__suggestion detail__suggestion--${evidence.suggestion}`}>
        <Text className="detail__suggestion-title">
          {suggestionNames[evidence.suggestion]} · 证据强度：
          {evidenceStrengthNames[evidence.strength]}
        </Text>
        <Text>{evidence.reason}</Text>
      </View>
      {evidence.registers.map((register) => (
        <View key={register.register} className="detail__register">
          <View className="detail__head">
            <Text className="detail__register-name">{registerKindNames[register.register]}</Text>
            <Text className={`detail__status detail__status--${register.status}`}>
              {registerStatusNames[register.status]}
            </Text>
          </View>
          <Text className="text-secondary detail__summary">{register.summary}</Text>
          {register.probability !== undefined && (
            <Text className="detail__summary">
              为同一人的概率：{probabilityText(register.probability)}
            </Text>
          )}
          {register.fields.map((comparison) => (
            <View key={comparison.field} className="detail__compare">
              <Text>{evidenceFieldName(comparison.field)}</Text>
              <Text className={`detail__mark detail__mark--${comparison.result}`}>
                {markOf(comparison)}
              </Text>
            </View>
          ))}
        </View>
      ))}
      <Text className="detail__computed text-secondary">
        比对时间 {chinaDateTime(evidence.computedAt)}
      </Text>
    </View>
  )
}
