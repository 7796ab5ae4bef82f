import { Text, View } from '@tarojs/components'

export type Cell = number | string | null

export interface Row {
  key: string
  label: string
  cells: readonly Cell[]
  /** Tapping the row opens the records behind it (or the region, in 下级). */
  onClick?: (() => void) | undefined
  /** A group's heading row (a platform), bold and without figures. */
  group?: boolean
}

interface Props {
  head: readonly string[]
  rows: readonly Row[]
  /** The first column's heading. */
  label?: string
}

/** A spreadsheet-like table: names left, numbers right-aligned in fixed-width columns. */
export default function Table({ head, rows, label = '' }: Props) {
  const wide = head.length > 3 ? ' ledger-table--wide' : ''
  return (
    <View className={`ledger-table${wide}`}>
      <View className="ledger-table__row ledger-table__row--head">
        <Text className="ledger-table__label">{label}</Text>
        {head.map((title) => (
          <Text key={title} className="ledger-table__num">
            {title}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={row.key}
          className={`ledger-table__row${row.group ? ' ledger-table__row--group' : ''}${row.onClick ? ' ledger-table__row--link' : ''}`}
          hoverClass={row.onClick ? 'ledger-table__row--pressed' : 'none'}
          onClick={row.onClick}
        >
          <Text className="ledger-table__label">
            {row.label}
            {row.onClick ? ' ›' : ''}
          </Text>
          {row.cells.map((cell, index) => (
            <Text key={head[index] ?? index} className="ledger-table__num">
              {cellText(cell)}
            </Text>
          ))}
        </View>
      ))}
      {rows.length === 0 && <Text className="ledger-table__empty text-secondary">暂无数据</Text>}
    </View>
  )
}

function cellText(cell: Cell): string {
  if (cell === null) return ''
  return typeof cell === 'number' ? cell.toLocaleString('en-US') : cell
}

/** The two columns every self-reported figure has, never added together. */
export const SPLIT_HEAD = ['自报（待核验）', '已核验'] as const
