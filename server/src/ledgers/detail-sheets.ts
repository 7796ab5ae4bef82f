import { placeStatusNames } from '@djt/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { PlaceCursor } from '../kernel/keyset-cursor.ts'
import { dayCell, type SheetCell } from '../kernel/sheet-cells.ts'
import { type DetailRegion, detailKey, listMarkets, listStations } from './detail.repository.ts'
import { toLedgerMarket, toLedgerStation } from './detail.routes.ts'
import type { DetailSheet } from './ledger-export.ts'

type Db = Kysely<Database>
const PAGE = 2_000

/**
 * Every row of a keyset-paged list as sheet cells, one page in memory at a time, read from
 * the first page each time it is iterated (the XLSX reads it twice). `fetch` answers up to
 * `page` + 1 rows: the extra one only says that more follow.
 */
function pagedCells<T extends { id: string }>(
  page: number,
  fetch: (after?: PlaceCursor) => Promise<T[]>,
  key: (row: T) => string,
  cells: (row: T) => SheetCell[],
): AsyncIterable<SheetCell[]> {
  return {
    async *[Symbol.asyncIterator]() {
      let after: PlaceCursor | undefined
      for (;;) {
        const rows = await fetch(after)
        for (const row of rows.slice(0, page)) yield cells(row)
        const last = rows[page - 1]
        if (rows.length <= page || !last) return
        after = { key: key(last), id: last.id }
      }
    },
  }
}

const yesNo = (value: boolean) => (value ? '是' : '否')

/**
 * The per-market and per-station sheets of a county's or a city's export. A province's
 * would run to 100,000 rows and more; it drills down to its cities instead.
 */
export function detailSheets(db: Db, region: DetailRegion, page = PAGE): DetailSheet[] {
  if (region.level === 'province') return []
  return [
    {
      name: '市场明细',
      header: [
        '区县',
        '市场名称',
        '开办者',
        '摊位数',
        '党员经营户数',
        '党组织形式',
        '党组织名称',
        '核验',
      ],
      rows: pagedCells(
        page,
        (after) => listMarkets(db, region, { limit: page }, after),
        (row) => detailKey(row.region_code, row.market_name ?? ''),
        (row) => {
          const m = toLedgerMarket(row)
          const checked = m.class === 'verified' ? '已核验' : '自报'
          return [
            m.regionName,
            m.marketName,
            m.opener,
            m.stalls,
            m.memberStallOwners,
            m.orgFormLabel,
            m.orgName,
            checked,
          ]
        },
      ),
    },
    {
      name: '阵地明细',
      header: [
        '区县',
        '名称',
        '类型',
        '状态',
        '24小时',
        '设施',
        '已报到',
        '待审核报到',
        '最近核查',
      ],
      rows: pagedCells(
        page,
        (after) => listStations(db, region, { limit: page }, after),
        (row) => detailKey(row.region_code, row.name),
        (row) => {
          const s = toLedgerStation(row)
          return [
            s.regionName,
            s.name,
            s.kindLabel,
            placeStatusNames[s.status],
            yesNo(s.roundTheClock),
            s.facilities.join('、'),
            s.checkinsApproved,
            s.checkinsPending,
            dayCell(s.lastCheckedOn),
          ]
        },
      ),
    },
  ]
}
