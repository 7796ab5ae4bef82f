import type { Ledger } from '@djt/shared'
import { describe, expect, test } from 'vitest'
import { headlineTiles } from '../../src/packageLedger/ledger/headline'
import { LABEL, nextSort, sortRows } from '../../src/packageLedger/ledger/sort'
import { drillTrail } from '../../src/packageLedger/ledger/trail'

const row = (label: string, ...cells: (number | string | null)[]) => ({ key: label, label, cells })

describe('sorting the child regions', () => {
  const rows = [row('鼓楼区', 5, 1), row('台江区', 12, null), row('仓山区', 5, 3)]
  const labels = (sorted: { label: string }[]) => sorted.map((r) => r.label)

  test('a figure column sorts largest first, then turns around; equal rows keep their order', () => {
    const first = nextSort(null, 0)
    expect(first).toEqual({ column: 0, direction: 'desc' })
    expect(labels(sortRows(rows, first))).toEqual(['台江区', '鼓楼区', '仓山区'])
    const second = nextSort(first, 0)
    expect(second).toEqual({ column: 0, direction: 'asc' })
    expect(labels(sortRows(rows, second))).toEqual(['鼓楼区', '仓山区', '台江区'])
  })

  test('empty cells go last in either direction', () => {
    expect(labels(sortRows(rows, { column: 1, direction: 'desc' }))).toEqual([
      '仓山区',
      '鼓楼区',
      '台江区',
    ])
    expect(labels(sortRows(rows, { column: 1, direction: 'asc' }))).toEqual([
      '鼓楼区',
      '仓山区',
      '台江区',
    ])
  })

  test('names sort from the top first; no sort keeps the server order; rows are not changed', () => {
    expect(nextSort({ column: 0, direction: 'desc' }, LABEL)).toEqual({
      column: LABEL,
      direction: 'asc',
    })
    const byName = sortRows(rows, { column: LABEL, direction: 'asc' })
    expect(byName).toHaveLength(3)
    expect(new Set(labels(byName))).toEqual(new Set(labels(rows)))
    expect(labels(sortRows(rows, null))).toEqual(['鼓楼区', '台江区', '仓山区'])
    expect(labels(rows)).toEqual(['鼓楼区', '台江区', '仓山区'])
  })
})

describe('the drill-down trail', () => {
  const fujian = { code: '350000', name: '福建省', level: 'province' as const }
  const fuzhou = { code: '350100', name: '福州市', level: 'city' as const }
  const gulou = { code: '350102', name: '鼓楼区', level: 'county' as const }
  const names = (steps: { name: string }[]) => steps.map((s) => s.name)

  test('the province sees the whole line, in order whatever order the ancestors came in', () => {
    expect(names(drillTrail(gulou, [fuzhou, fujian], '350000'))).toEqual([
      '福建省',
      '福州市',
      '鼓楼区',
    ])
  })

  test('it starts at the caller’s own region and goes no higher', () => {
    expect(names(drillTrail(gulou, [fujian, fuzhou], '350100'))).toEqual(['福州市', '鼓楼区'])
    expect(names(drillTrail(gulou, [fujian, fuzhou], '350102'))).toEqual(['鼓楼区'])
  })

  test('before the ancestors arrive, or outside the caller’s line, the region shows alone', () => {
    expect(names(drillTrail(gulou, [], '350000'))).toEqual(['鼓楼区'])
    expect(names(drillTrail(gulou, [fujian, fuzhou], '350200'))).toEqual(['鼓楼区'])
    expect(names(drillTrail(gulou, [fujian, fuzhou], undefined))).toEqual(['鼓楼区'])
  })

  test('a county-level city under its province has no city step', () => {
    const hainan = { code: '460000', name: '海南省', level: 'province' as const }
    const wuzhishan = { code: '469001', name: '五指山市', level: 'county' as const }
    expect(names(drillTrail(wuzhishan, [hainan], '460000'))).toEqual(['海南省', '五指山市'])
  })
})

describe('the headline strip', () => {
  const split = (reported: number, verified: number) => ({ reported, verified })
  const ledger = {
    members: {
      byKind: [],
      byState: [
        { state: 'submitted', label: '已提交', count: 4 },
        { state: 'verified', label: '已核验', count: 9 },
      ],
      pending: { count: 4, oldestDays: 2 },
    },
    riders: { byPlatform: [], members: split(3, 7) },
    markets: { withOrganisation: split(1, 2), coverageRate: 0.5 },
    care: { total: 6 },
    pledges: { public: 8, reportsOpen: 1 },
  } as unknown as Ledger

  test('each tile is a figure the ledger carries, with the link of the same figure below', () => {
    expect(headlineTiles(ledger).map((t) => [t.key, t.figure, t.link])).toEqual([
      ['members-reported', { kind: 'count', count: 4 }, 'members.pending.count'],
      ['members-verified', { kind: 'count', count: 9 }, 'members.byState.1.count'],
      ['riders', { kind: 'split', reported: 3, verified: 7 }, undefined],
      ['markets-covered', { kind: 'split', reported: 1, verified: 2 }, 'markets.withOrganisation'],
      ['stations', { kind: 'count', count: 6 }, 'care.total'],
      ['pledges', { kind: 'count', count: 8 }, 'pledges.public'],
      ['reports', { kind: 'count', count: 1 }, 'pledges.reportsOpen'],
    ])
  })

  test('a ledger without the riders’ total (frozen before it was kept) has no riders tile', () => {
    const old = { ...ledger, riders: { byPlatform: [] } } as unknown as Ledger
    expect(headlineTiles(old).map((t) => t.key)).not.toContain('riders')
    const none = { ...ledger, members: { ...ledger.members, byState: [] } } as unknown as Ledger
    expect(headlineTiles(none)[1]).toMatchObject({ figure: { kind: 'count', count: 0 } })
    expect(headlineTiles(none)[1]?.link).toBeUndefined()
  })
})
