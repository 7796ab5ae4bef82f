import type { Ledger } from '@djt/shared'
import { Text, View } from '@tarojs/components'
import type { Open } from './links'
import { percentText } from './model'
import { splitRow } from './PeopleSections'
import Table, { SPLIT_HEAD } from './Table'

export function MarketsSection({
  markets,
  open,
}: {
  markets: Ledger['markets']
  open: Open | undefined
}) {
  // Stalls and member owners are sums over the markets, operators no market: no list to open.
  const rows = [
    splitRow('markets', '专业市场', markets.markets, open?.('markets.markets')),
    splitRow('with', '有党组织', markets.withOrganisation, open?.('markets.withOrganisation')),
    splitRow(
      'without',
      '无党组织',
      markets.withoutOrganisation,
      open?.('markets.withoutOrganisation'),
    ),
    splitRow('stalls', '摊位（经营户）', markets.stalls),
    splitRow('owners', '党员经营户', markets.memberStallOwners),
    splitRow('operators', '市场内经营户', markets.operatorsInMarkets),
  ]
  return (
    <View className="card ledger-section" id="ledger-markets">
      <Text className="card__title">专业市场</Text>
      <View className="ledger-headline">
        <Text className="ledger-headline__value">{percentText(markets.coverageRate)}</Text>
        <Text className="text-secondary">
          党组织覆盖率（按已核验市场计{markets.coverageRate === null ? '，尚无已核验市场' : ''}）
        </Text>
      </View>
      <Table label="项目" head={SPLIT_HEAD} rows={rows} />
      <Table
        label="党组织形式"
        head={SPLIT_HEAD}
        rows={markets.byOrgForm.map((f, index) =>
          splitRow(f.orgForm, f.label, f, open?.(`markets.byOrgForm.${index}`)),
        )}
      />
    </View>
  )
}

export function CareSection({ care, open }: { care: Ledger['care']; open: Open | undefined }) {
  return (
    <View className="card ledger-section" id="ledger-care">
      <Text className="card__title">关爱阵地</Text>
      <Table
        label="类型"
        head={['数量', '24小时']}
        rows={[
          ...care.byKind.map((k, index) => ({
            key: k.kind,
            label: k.label,
            cells: [k.count, k.roundTheClock],
            onClick: open?.(`care.byKind.${index}.count`),
          })),
          {
            key: 'total',
            label: '合计',
            cells: [care.total, care.roundTheClock],
            group: false,
            onClick: open?.('care.total'),
          },
        ]}
      />
      <Table
        label="服务设施"
        head={['数量']}
        rows={care.byFacility.map((f) => ({ key: f.facility, label: f.label, cells: [f.count] }))}
      />
    </View>
  )
}

/** Below a county: its markets and stations one by one (the end of the drill-down). */
export function RecordsSection({ ledger, open }: { ledger: Ledger; open: Open }) {
  const markets = ledger.markets.markets.reported + ledger.markets.markets.verified
  return (
    <View className="card ledger-section" id="ledger-records">
      <Text className="card__title">明细</Text>
      <Table
        label="逐个查看"
        head={['数量']}
        rows={[
          {
            key: 'markets',
            label: '专业市场（逐个市场）',
            cells: [markets],
            onClick: open('markets.markets'),
          },
          {
            key: 'stations',
            label: '关爱阵地（开放中）',
            cells: [ledger.care.total],
            onClick: open('care.total'),
          },
        ]}
      />
    </View>
  )
}
