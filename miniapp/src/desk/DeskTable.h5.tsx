import { type KeyboardEvent, type MouseEvent, useContext, useEffect, useState } from 'react'
import PagedCards from '../components/PagedCards'
import { useMutation } from '../hooks/useMutation'
import { BesideContext } from './beside'
import {
  ALL_ROWS_CAP,
  arrangeRows,
  arranging,
  type BulkAction,
  choicesOf,
  type DeskColumn,
  type DeskTableProps,
  nextSort,
  type TableFilters,
  type TableSort,
  tableFoot,
} from './table'
import { useDeskLayout } from './useDeskLayout.h5'
import './table.scss'

/**
 * A staff list in the browser: cards below the desk width, a table at the desk. The table
 * sorts and filters by column; it does so over the whole list, so sorting or filtering
 * fetches the remaining pages first (up to ALL_ROWS_CAP rows, and says so beyond that).
 */
export default function DeskTable<T>(props: DeskTableProps<T>) {
  return useDeskLayout() ? <Table {...props} /> : <PagedCards {...props} />
}

function Table<T>(props: DeskTableProps<T>) {
  const { list, total, keyOf, onMore, onRetry, onOpen, actions, bulk, caption, shownBeside } = props
  const beside = useContext(BesideContext)
  const columns = beside ? props.columns.filter((column) => !column.secondary) : props.columns
  const [sort, setSort] = useState<TableSort | null>(null)
  const [filters, setFilters] = useState<TableFilters>({})
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  const wholeList = arranging(sort, filters)
  const loaded = list.items.length
  const capped = wholeList && list.next !== null && loaded >= ALL_ROWS_CAP

  // Sorting or filtering a part of a list would answer wrongly: fetch the rest first.
  useEffect(() => {
    if (wholeList && list.next && list.phase === 'ready' && loaded < ALL_ROWS_CAP) onMore()
  }, [wholeList, list.next, list.phase, loaded, onMore])

  // Sorted and filtered by every column, also those a record beside the table hides.
  const rows = arrangeRows(list.items, props.columns, sort, filters)
  const chosen = rows.filter((row) => ticked.has(keyOf(row)))
  const allTicked = rows.length > 0 && chosen.length === rows.length
  const span = columns.length + (bulk ? 1 : 0) + (actions ? 1 : 0)
  const filtered = columns.some((column) => column.filter)

  const tick = (key: string, on: boolean) =>
    setTicked((keys) => {
      const next = new Set(keys)
      if (on) next.add(key)
      else next.delete(key)
      return next
    })

  return (
    <div className="dtable">
      {bulk && (
        <BulkBar
          actions={bulk}
          rows={chosen}
          onDone={() => setTicked(new Set())}
          onClear={() => setTicked(new Set())}
        />
      )}
      <table className="dtable__table" aria-label={caption}>
        <thead>
          <tr>
            {bulk && (
              <th className="dtable__tick">
                <input
                  type="checkbox"
                  aria-label="全选"
                  checked={allTicked}
                  onChange={(event) =>
                    setTicked(event.target.checked ? new Set(rows.map(keyOf)) : new Set())
                  }
                />
              </th>
            )}
            {columns.map((column) => (
              <HeaderCell
                key={column.key}
                column={column}
                sort={sort}
                onSort={() => setSort((current) => nextSort(current, column.key))}
              />
            ))}
            {actions && <th className="dtable__actions-head">操作</th>}
          </tr>
          {filtered && (
            <tr className="dtable__filters">
              {bulk && <th />}
              {columns.map((column) => (
                <th key={column.key}>
                  <FilterBox
                    column={column}
                    choices={column.filter === 'choice' ? choicesOf(list.items, column) : []}
                    value={filters[column.key] ?? ''}
                    onChange={(text) => setFilters((all) => ({ ...all, [column.key]: text }))}
                  />
                </th>
              ))}
              {actions && <th />}
            </tr>
          )}
        </thead>
        <tbody>
          {list.phase === 'loading' && <Notice span={span} text="正在加载…" />}
          {list.phase === 'failed' && (
            <Notice span={span} text={list.problem ?? '加载失败'} onRetry={onRetry} />
          )}
          {list.phase !== 'loading' && list.phase !== 'failed' && rows.length === 0 && (
            <Notice span={span} text={loaded === 0 ? props.empty : '没有符合筛选条件的条目。'} />
          )}
          {rows.map((row) => (
            <tr
              key={keyOf(row)}
              className={rowClass(Boolean(onOpen), shownBeside === keyOf(row))}
              aria-current={shownBeside === keyOf(row) || undefined}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? (event) => fromControl(event) || onOpen(row) : undefined}
              onKeyDown={onOpen ? (event) => openOnEnter(event, () => onOpen(row)) : undefined}
            >
              {bulk && (
                <td className="dtable__tick">
                  <input
                    type="checkbox"
                    aria-label="选择"
                    checked={ticked.has(keyOf(row))}
                    onChange={(event) => tick(keyOf(row), event.target.checked)}
                  />
                </td>
              )}
              {columns.map((column) => (
                <td key={column.key}>{column.render ? column.render(row) : column.value(row)}</td>
              ))}
              {actions && <td className="dtable__actions">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dtable__foot">
        {/* Only once there is an answer: 共 0 条 while loading would be a false figure. */}
        {list.phase !== 'loading' && list.phase !== 'failed' && (
          <span className="dtable__count">
            {tableFoot(rows.length, loaded, total, list.next !== null || props.partial === true)}
          </span>
        )}
        {wholeList && list.next && !capped && (
          <span className="dtable__note">正在载入全部条目，以便排序和筛选…</span>
        )}
        {capped && (
          <span className="dtable__note">
            条目超过 {ALL_ROWS_CAP} 条，排序和筛选只作用于已载入的 {loaded}{' '}
            条；请先选择地区缩小范围。
          </span>
        )}
        {list.problem && list.phase === 'ready' && (
          <span className="dtable__problem">{list.problem}</span>
        )}
        {list.next && !wholeList && (
          <button
            type="button"
            className="dtable__more"
            disabled={list.phase === 'more'}
            onClick={onMore}
          >
            {list.phase === 'more' ? '正在加载…' : '加载更多'}
          </button>
        )}
      </div>
    </div>
  )
}

/** A click on a control inside a row (a button, a box, a link) is that control's, not the row's. */
function fromControl(event: MouseEvent): boolean {
  const target = event.target
  return (
    target instanceof Element &&
    target.closest('button, input, select, a, .link, .dtable__actions, .dtable__tick') !== null
  )
}

function openOnEnter(event: KeyboardEvent, open: () => void) {
  if (event.key !== 'Enter' || event.target !== event.currentTarget) return
  event.preventDefault()
  open()
}

function HeaderCell<T>({
  column,
  sort,
  onSort,
}: {
  column: DeskColumn<T>
  sort: TableSort | null
  onSort: () => void
}) {
  const direction = sort?.key === column.key ? sort.direction : null
  const style = column.width ? { width: column.width, minWidth: column.width } : undefined
  if (!column.sortable) return <th style={style}>{column.title}</th>
  return (
    <th
      style={style}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="dtable__sort" onClick={onSort}>
        {column.title}
        <span className="dtable__arrow" aria-hidden="true">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}

function FilterBox<T>({
  column,
  choices,
  value,
  onChange,
}: {
  column: DeskColumn<T>
  choices: string[]
  value: string
  onChange: (text: string) => void
}) {
  if (column.filter === 'text')
    return (
      <input
        className="dtable__filter"
        type="search"
        placeholder="筛选"
        aria-label={`按${column.title}筛选`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    )
  if (column.filter === 'choice')
    return (
      <select
        className="dtable__filter"
        aria-label={`按${column.title}筛选`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">全部</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    )
  return null
}

function Notice({ span, text, onRetry }: { span: number; text: string; onRetry?: () => void }) {
  return (
    <tr>
      <td className="dtable__notice" colSpan={span}>
        {text}
        {onRetry && (
          <button type="button" className="dtable__more" onClick={onRetry}>
            重试
          </button>
        )}
      </td>
    </tr>
  )
}

/** Shown while rows are ticked: how many, and what can be done to all of them at once. */
function BulkBar<T>({
  actions,
  rows,
  onDone,
  onClear,
}: {
  actions: readonly BulkAction<T>[]
  rows: T[]
  onDone: () => void
  onClear: () => void
}) {
  const bulkRun = useMutation<string>({ failure: { dialog: '批量处理未成功' } })
  if (rows.length === 0)
    return <div className="dtable__bulk dtable__bulk--idle">勾选条目后可批量处理</div>
  return (
    <div className="dtable__bulk" role="toolbar" aria-label="批量处理">
      <span>已选 {rows.length} 条</span>
      {actions.map((action) => (
        <button
          key={action.label}
          type="button"
          className="dtable__bulk-action"
          disabled={bulkRun.busy}
          onClick={async () => {
            const outcome = await bulkRun.run(() => action.run(rows), action.label)
            if (outcome.ok) onDone()
          }}
        >
          {bulkRun.running === action.label ? '正在处理…' : action.label}
        </button>
      ))}
      <button type="button" className="dtable__clear" disabled={bulkRun.busy} onClick={onClear}>
        取消选择
      </button>
    </div>
  )
}

function rowClass(opens: boolean, chosen: boolean): string {
  return ['dtable__row', opens && 'dtable__row--open', chosen && 'dtable__row--chosen']
    .filter(Boolean)
    .join(' ')
}
