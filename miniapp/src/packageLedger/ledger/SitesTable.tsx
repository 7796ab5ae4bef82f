import type { Ledger, SiteFigures } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { Open } from './links'
import { percentText } from './model'
import Table, { type Row } from './Table'

const HEAD = ['站点', '已建党组织', '工作覆盖', '骑手', '党员骑手'] as const
const cells = (s: SiteFigures | undefined) =>
  s ? [s.total, s.organised, s.workCovered, s.riders, s.memberRiders] : HEAD.map(() => null)

/** Each platform's open local sites (站点) and their organisation; a row opens its sites. */
export default function SitesTable({
  riders,
  open,
}: {
  riders: Ledger['riders']
  open: Open | undefined
}) {
  // A report frozen before sites were kept has none to show.
  if (!riders.sites) return null
  const rows: Row[] = [
    ...riders.byPlatform.map((p, index) => ({
      key: `sites-${p.platform}`,
      label: p.label,
      cells: cells(p.sites),
      onClick: open?.(`riders.byPlatform.${index}.sites.total`),
    })),
    {
      key: 'sites-total',
      label: '合计',
      cells: cells(riders.sites),
      onClick: open?.('riders.sites.total'),
    },
  ]
  return (
    <View>
      <View className="ledger-headline">
        <Text className="ledger-headline__value">{percentText(riders.sites.coverageRate)}</Text>
        <Text className="text-secondary">
          平台站点党组织覆盖率（运营中站点{riders.sites.total}个，其中工作覆盖
          {riders.sites.workCovered}个）
        </Text>
      </View>
      <Table label="平台站点" head={HEAD} rows={rows} />
    </View>
  )
}
