import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { Open } from './links'
import Table from './Table'

/**
 * 骑手诉求: the difficulties riders raised in the year, in the county each lies with now,
 * those first answered within a week and those solved. Each figure opens its difficulties.
 */
export default function DifficultiesSection({
  difficulties,
  open,
}: {
  difficulties: NonNullable<Ledger['difficulties']>
  open: Open | undefined
}) {
  const rows = [
    { key: 'raised', label: '骑手诉求（件）', cells: [difficulties.raised] },
    {
      key: 'answeredWithinWeek',
      label: '7日内答复（件）',
      cells: [difficulties.answeredWithinWeek],
    },
    { key: 'solved', label: '已协调解决（件）', cells: [difficulties.solved] },
  ].map((row) => ({ ...row, onClick: open?.(`difficulties.${row.key}`) }))
  return (
    <View className="card ledger-section" id="ledger-difficulties">
      <Text className="card__title">{`骑手诉求（${difficulties.year}年）`}</Text>
      <Text className="ledger-note text-secondary">
        按诉求现在所在区县和提出时间所在年份计；转办到其他区县的，计入接办区县。首次答复或办结在提出后7日内的，计为7日内答复。
      </Text>
      <Table label="项目" head={['数量']} rows={rows} />
    </View>
  )
}
