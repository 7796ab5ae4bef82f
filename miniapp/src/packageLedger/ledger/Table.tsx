import { Text, View } from '@tarojs/components'
import { LABEL, type SortState } from './sort'

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

/** Headers that sort the rows when clicked (the desk's comparison of child regions). */
export interface TableSort {
  state: SortState | null
  onSort: (column: number) => void
}

interface Props {
  head: readonly string[]
  rows: readonly Row[]
  /** The first column's heading. */
  label?: string
  sort?: TableSort | undefined
}

/** A spreadsheet-like table: names left, numbers right-aligned in fixed-width columns. */
export default function Table({ head, rows, label = '', sort }: Props) {
  const wide = head.length > 3 ? ' ledger-table--wide' : ''
  return (
    <View className={`ledger-table${wide}`}>
      <View className="ledger-table__row ledger-table__row--head">
        <HeadCell className="ledger-table__label" title={label} column={LABEL} sort={sort} />
        {head.map((title, column) => (
          <HeadCell
            key={title}
            className="ledger-table__num"
            title={title}
            column={column}
            sort={sort}
          />
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

const arrows = { asc: ' ▲', desc: ' ▼' } as const

/** A heading; with `sort`, a button that sorts by its column, marked ▲/▼ while it does. */
function HeadCell(props: {
  className: string
  title: string
  column: number
  sort: TableSort | undefined
}) {
  const { className, title, column, sort } = props
  if (!sort) return <Text className={className}>{title}</Text>
  const direction = sort.state?.column === column ? sort.state.direction : null
  return (
    <Text
      className={`${className} ledger-table__sortable${direction ? ` ledger-table__sorted--${direction}` : ''}`}
      aria-sort={direction ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      onClick={() => sort.onSort(column)}
    >
      {title}
      <Text className="ledger-table__arrow">{direction ? arrows[direction] : ' ↕'}</Text>
    </Text>
  )
}

function cellText(cell: Cell): string {
  if (cell === null) return ''
  return typeof cell === 'number' ? cell.toLocaleString('en-US') : cell
}

/** The two columns every self-reported figure has, never added together. */
export const SPLIT_HEAD = ['自报（待核验）', '已核验'] as const
