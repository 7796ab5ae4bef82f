import type { Ledger, Split } from '@djt/shared'
import { percentText } from './model'

export type HeadlineFigure = { kind: 'count'; count: number } | ({ kind: 'split' } & Split)

/** One tile of the desk's headline strip: a figure the server sent, and the list it opens. */
export interface HeadlineTile {
  key: string
  title: string
  figure: HeadlineFigure
  /** Where the figure is in the ledger, the key of its link (`ledger.links`), when it has one. */
  link?: string
  note?: string
}

const count = (n: number): HeadlineFigure => ({ kind: 'count', count: n })
const split = (s: Split): HeadlineFigure => ({ kind: 'split', ...s })

/**
 * The strip's tiles, each a figure as the ledger carries it (none is added up here). A
 * tile's link is the one the same figure has in its section below, so a tile opens the
 * list whose total it shows. 自报（待核验） is the waiting queue: the states counted
 * self-reported are the states it lists.
 */
export function headlineTiles(ledger: Ledger): HeadlineTile[] {
  const { members, riders, markets, care, pledges } = ledger
  const verifiedRow = members.byState.findIndex((s) => s.state === 'verified')
  const tiles: (HeadlineTile | null)[] = [
    {
      key: 'members-reported',
      title: '党员自报（待核验）',
      figure: count(members.pending.count),
      link: 'members.pending.count',
    },
    {
      key: 'members-verified',
      title: '党员已核验',
      figure: count(members.byState[verifiedRow]?.count ?? 0),
      // No row when nobody is verified yet: 0, and nothing to list.
      ...(verifiedRow >= 0 && { link: `members.byState.${verifiedRow}.count` }),
    },
    riders.members ? { key: 'riders', title: '党员骑手', figure: split(riders.members) } : null,
    {
      key: 'markets-covered',
      title: '已建党组织的市场',
      figure: split(markets.withOrganisation),
      link: 'markets.withOrganisation',
      note: `覆盖率 ${percentText(markets.coverageRate)}（按已核验计）`,
    },
    { key: 'stations', title: '关爱阵地（开放中）', figure: count(care.total), link: 'care.total' },
    {
      key: 'pledges',
      title: '公示中的承诺',
      figure: count(pledges.public),
      link: 'pledges.public',
    },
    {
      key: 'reports',
      title: '举报待处理',
      figure: count(pledges.reportsOpen),
      link: 'pledges.reportsOpen',
    },
  ]
  return tiles.filter((tile): tile is HeadlineTile => tile !== null)
}
