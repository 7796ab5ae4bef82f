import { describe, expect, it } from 'vitest'
import {
  arrangeRows,
  arranging,
  choicesOf,
  type DeskColumn,
  nextSort,
  tableFoot,
} from '../../src/desk/table'

interface Row {
  id: string
  name: string
  place: string
  at: string
  count: number
}

const rows: Row[] = [
  { id: '1', name: '张伟', place: '鼓楼区流动党员党支部', at: '2026-03-02T08:00:00Z', count: 10 },
  { id: '2', name: '李娜', place: '台江区骑手党支部', at: '2026-01-15T08:00:00Z', count: 2 },
  { id: '3', name: '王芳', place: '鼓楼区流动党员党支部', at: '2026-02-20T08:00:00Z', count: 2 },
  { id: '4', name: 'Abby', place: '仓山区驿站', at: '2026-02-21T08:00:00Z', count: 9 },
]

const columns: DeskColumn<Row>[] = [
  { key: 'name', title: '姓名', value: (row) => row.name, sortable: true, filter: 'text' },
  { key: 'place', title: '支部', value: (row) => row.place, sortable: true, filter: 'choice' },
  { key: 'at', title: '提交时间', value: (row) => row.at, sortable: true },
  { key: 'count', title: '人数', value: (row) => row.count, sortable: true },
]

const ids = (list: Row[]) => list.map((row) => row.id).join('')

describe('arrangeRows', () => {
  it('keeps the list order with nothing chosen', () => {
    expect(ids(arrangeRows(rows, columns, null, {}))).toBe('1234')
  })

  it('sorts numbers as numbers, both ways, ties in list order', () => {
    expect(ids(arrangeRows(rows, columns, { key: 'count', direction: 'asc' }, {}))).toBe('2341')
    expect(ids(arrangeRows(rows, columns, { key: 'count', direction: 'desc' }, {}))).toBe('1423')
  })

  it('sorts ISO times in time order', () => {
    expect(ids(arrangeRows(rows, columns, { key: 'at', direction: 'asc' }, {}))).toBe('2341')
  })

  it('sorts Chinese names by pinyin', () => {
    const names = arrangeRows(rows, columns, { key: 'name', direction: 'asc' }, {}).map(
      (row) => row.name,
    )
    expect(names.filter((name) => name !== 'Abby')).toEqual(['李娜', '王芳', '张伟'])
  })

  it('filters a text column by any part, ignoring case, and a choice exactly', () => {
    expect(ids(arrangeRows(rows, columns, null, { name: '伟' }))).toBe('1')
    expect(ids(arrangeRows(rows, columns, null, { name: 'abb' }))).toBe('4')
    expect(ids(arrangeRows(rows, columns, null, { place: '鼓楼区流动党员党支部' }))).toBe('13')
    expect(ids(arrangeRows(rows, columns, null, { place: '鼓楼区' }))).toBe('')
  })

  it('combines filters and a sort', () => {
    const arranged = arrangeRows(
      rows,
      columns,
      { key: 'at', direction: 'desc' },
      { place: '鼓楼区流动党员党支部', name: ' ' },
    )
    expect(ids(arranged)).toBe('13')
  })

  it('ignores a filter on a column that has none', () => {
    expect(ids(arrangeRows(rows, columns, null, { at: '2026' }))).toBe('1234')
  })
})

describe('the controls', () => {
  it('cycles a header through ascending, descending and off', () => {
    const first = nextSort(null, 'name')
    expect(first).toEqual({ key: 'name', direction: 'asc' })
    const second = nextSort(first, 'name')
    expect(second).toEqual({ key: 'name', direction: 'desc' })
    expect(nextSort(second, 'name')).toBeNull()
    expect(nextSort(second, 'at')).toEqual({ key: 'at', direction: 'asc' })
  })

  it('offers the values the rows hold, once each', () => {
    expect(choicesOf(rows, columns[1] as DeskColumn<Row>)).toHaveLength(3)
  })

  it('knows when the whole list is needed', () => {
    expect(arranging(null, {})).toBe(false)
    expect(arranging(null, { name: '  ' })).toBe(false)
    expect(arranging(null, { name: '张' })).toBe(true)
    expect(arranging({ key: 'at', direction: 'asc' }, {})).toBe(true)
  })

  it('says how much of the list is shown', () => {
    expect(tableFoot(4, 4, 4, false)).toBe('共 4 条')
    expect(tableFoot(50, 50, 120, true)).toBe('已显示 50 条，共 120 条')
    expect(tableFoot(3, 120, 120, false)).toBe('筛选出 3 条（共 120 条）')
    // A list that does not say its size never claims the part shown is all of it.
    expect(tableFoot(20, 20, null, true)).toBe('已显示 20 条，还有更多')
    expect(tableFoot(7, 7, null, false)).toBe('共 7 条')
  })
})
