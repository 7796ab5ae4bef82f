import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import Bars from './Bars'
import type { Open } from './links'
import { waitingText } from './model'
import SitesTable from './SitesTable'
import Table, { type Row, SPLIT_HEAD } from './Table'

export function MembersSection({
  members,
  open,
}: {
  members: Ledger['members']
  open: Open | undefined
}) {
  const byKind = members.byKind.map((k) => ({
    key: k.kind,
    label: k.label,
    cells: [k.reported, k.verified],
  }))
  return (
    <View className="card ledger-section" id="ledger-members">
      <Text className="card__title">党员</Text>
      <ChartBeside
        chart={
          <Bars
            categories={members.byKind.map((k) => k.label)}
            series={[
              { name: SPLIT_HEAD[0], values: members.byKind.map((k) => k.reported) },
              { name: SPLIT_HEAD[1], values: members.byKind.map((k) => k.verified) },
            ]}
          />
        }
      >
        <Table label="类型" head={SPLIT_HEAD} rows={byKind} />
      </ChartBeside>
      <Table
        label="登记状态"
        head={['人数']}
        rows={members.byState.map((s, index) => ({
          key: s.state,
          label: s.label,
          cells: [s.count],
          onClick: open?.(`members.byState.${index}.count`),
        }))}
      />
      <Table
        label="待核验"
        head={['条数', '最久等待']}
        rows={[
          {
            key: 'pending',
            label: '等待核验',
            cells: [members.pending.count, waitingText(members.pending.oldestDays)],
            onClick: open?.('members.pending.count'),
          },
        ]}
      />
    </View>
  )
}

export function RidersSection({
  riders,
  open,
}: {
  riders: Ledger['riders']
  open: Open | undefined
}) {
  const rows: Row[] = riders.byPlatform.flatMap((p, index) => [
    { key: p.platform, label: p.label, cells: [], group: true },
    splitRow(`${p.platform}-members`, '党员', p.members),
    splitRow(`${p.platform}-full`, '其中正式党员', p.full),
    splitRow(`${p.platform}-prob`, '其中预备党员', p.probationary),
    splitRow(`${p.platform}-flow`, '其中流动党员', p.flow),
    {
      key: `${p.platform}-joined`,
      label: '已报到（经确认）',
      cells: ['', p.joinedBranch],
      onClick: open?.(`riders.byPlatform.${index}.joinedBranch`),
    },
  ])
  return (
    <View className="card ledger-section" id="ledger-riders">
      <Text className="card__title">骑手</Text>
      <ChartBeside
        chart={
          <Bars
            categories={riders.byPlatform.map((p) => p.label)}
            series={[
              { name: SPLIT_HEAD[0], values: riders.byPlatform.map((p) => p.members.reported) },
              { name: SPLIT_HEAD[1], values: riders.byPlatform.map((p) => p.members.verified) },
            ]}
          />
        }
      >
        <Table label="平台" head={SPLIT_HEAD} rows={rows} />
      </ChartBeside>
      <SitesTable riders={riders} open={open} />
    </View>
  )
}

export function splitRow(
  key: string,
  label: string,
  split: { reported: number; verified: number },
  onClick?: () => void,
): Row {
  return { key, label, cells: [split.reported, split.verified], onClick }
}

/**
 * A chart and the table it draws: the chart above on a phone (as the page always had it),
 * beside the table at the desk (`.ledger--desk`, ledger.scss).
 */
function ChartBeside({ chart, children }: { chart: ReactNode; children: ReactNode }) {
  return (
    <View className="ledger-pair">
      <View className="ledger-pair__chart">{chart}</View>
      <View className="ledger-pair__table">{children}</View>
    </View>
  )
}
