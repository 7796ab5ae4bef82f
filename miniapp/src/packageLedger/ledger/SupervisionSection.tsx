import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { Open } from './links'
import Table from './Table'

/**
 * 监督共治: the reports member riders made in the year, in the county each lies with, and
 * those found true and dealt with. Each figure opens the reports behind it.
 */
export default function SupervisionSection({
  supervision,
  open,
}: {
  supervision: NonNullable<Ledger['supervision']>
  open: Open | undefined
}) {
  const rows = [
    { key: 'reports', label: '骑手监督报告（条）', cells: [supervision.reports] },
    { key: 'upheld', label: '已核查属实并处理（条）', cells: [supervision.upheld] },
  ].map((row) => ({ ...row, onClick: open?.(`supervision.${row.key}`) }))
  return (
    <View className="card ledger-section" id="ledger-supervision">
      <Text className="card__title">{`监督共治（${supervision.year}年）`}</Text>
      <Text className="ledger-note text-secondary">
        按报告所在区县和提交时间所在年份计；转办到其他区县的，计入接办区县。
      </Text>
      <Table label="项目" head={['数量']} rows={rows} />
    </View>
  )
}
