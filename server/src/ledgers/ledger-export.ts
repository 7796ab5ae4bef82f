import { PassThrough, type Readable } from 'node:stream'
import type { Ledger, SiteFigures } from '@djt/shared'

export type Cell = string | number | null
interface Sheet {
  name: string
  header: string[]
  rows: Cell[][]
}

const both = (s: { reported: number; verified: number }) => [s.reported, s.verified]

const SITE_HEADER = [
  '站点数',
  '已建党组织站点',
  '工作覆盖站点',
  '站点骑手人数',
  '站点党员骑手人数',
  '站点党组织覆盖率',
]
/**
 * A platform's (or all) active sites; the rate is organised ÷ sites, empty without sites.
 * A report frozen before sites were kept has empty cells.
 */
function siteCells(s: SiteFigures | undefined): Cell[] {
  if (!s) return SITE_HEADER.map(() => null)
  const rate = s.total > 0 ? s.organised / s.total : null
  return [s.total, s.organised, s.workCovered, s.riders, s.memberRiders, rate]
}

/** The ledger as tables: one per sheet, Chinese headers, numbers as numbers. */
export function ledgerSheets(ledger: Ledger): Sheet[] {
  const { members, riders, markets, care, pledges } = ledger
  return [
    {
      name: '党员总览',
      header: ['类型', '自报（待核验）', '已核验'],
      rows: [
        ...members.byKind.map((row) => [row.label, row.reported, row.verified]),
        ['待核验条数', members.pending.count, null],
        ['最早待核验（天）', members.pending.oldestDays, null],
        ...members.byState.map((row) => [`状态：${row.label}`, row.count, null]),
      ],
    },
    {
      name: '骑手',
      header: [
        '平台',
        '党员自报',
        '党员已核验',
        '正式党员自报',
        '正式党员已核验',
        '预备党员自报',
        '预备党员已核验',
        '流动党员自报',
        '流动党员已核验',
        '已报到',
        ...SITE_HEADER,
      ],
      rows: [
        ...riders.byPlatform.map((row) => [
          row.label,
          ...both(row.members),
          ...both(row.full),
          ...both(row.probationary),
          ...both(row.flow),
          row.joinedBranch,
          ...siteCells(row.sites),
        ]),
        // Members are already per platform above; the sites' totals carry the coverage.
        ...(riders.sites
          ? [['站点合计', ...Array<null>(9).fill(null), ...siteCells(riders.sites)]]
          : []),
      ],
    },
    {
      name: '专业市场',
      header: ['项目', '自报', '已核验'],
      rows: [
        ['市场数', ...both(markets.markets)],
        ['已建党组织', ...both(markets.withOrganisation)],
        ['未建党组织', ...both(markets.withoutOrganisation)],
        ['覆盖率（已核验）', markets.coverageRate, null],
        ['摊位数', ...both(markets.stalls)],
        ['党员经营户数', ...both(markets.memberStallOwners)],
        ['场内党员经营户登记', ...both(markets.operatorsInMarkets)],
        ...markets.byOrgForm.map((row) => [`组织形式：${row.label}`, row.reported, row.verified]),
      ],
    },
    {
      name: '关爱阵地',
      header: ['项目', '数量', '24小时开放'],
      rows: [
        ['合计', care.total, care.roundTheClock],
        ...care.byKind.map((row) => [row.label, row.count, row.roundTheClock]),
        ...care.byFacility.map((row) => [`设施：${row.label}`, row.count, null]),
      ],
    },
    {
      name: '三亮',
      header: ['项目', '数量'],
      rows: [
        ['公示中的承诺', pledges.public],
        ['暂停公示', pledges.suspended],
        ['群众评价条数', pledges.ratings],
        ['平均评分', pledges.averageRating],
        ['待处理举报', pledges.reportsOpen],
        ['举报属实', pledges.reportsUpheld],
        ['举报不属实', pledges.reportsDismissed],
        ['党员诚信示范店', pledges.awards],
      ],
    },
    {
      name: '本级工作',
      header: [
        '地区',
        '培训场次',
        '培训人数',
        '达标区县/区县数',
        '联系人',
        '已联系组织的联系人',
        '联系组织数',
        '走访次数',
        '指导站',
        '小个专党委（市）',
        '小个专党委（县）',
      ],
      rows: [ledger.work.total, ...ledger.work.children].map((w) => [
        w.region.name,
        w.training.sessions,
        w.training.peopleTrained,
        `${w.training.countiesMeetingTarget}/${w.training.counties}`,
        w.liaison.liaisons,
        w.liaison.liaisonsWithOrganisation,
        w.liaison.organisations,
        w.liaison.visits,
        w.guidanceStations,
        `${w.committees.citiesSetUp}/${w.committees.cities}`,
        `${w.committees.countiesSetUp}/${w.committees.counties}`,
      ]),
    },
    {
      name: '下级',
      header: [
        '行政区划代码',
        '名称',
        '党员自报',
        '党员已核验',
        '市场自报',
        '市场已核验',
        '关爱阵地',
        '公示承诺',
      ],
      rows: ledger.children.map((c) => [
        c.code,
        c.name,
        ...both(c.members),
        ...both(c.markets),
        c.places,
        c.pledges,
      ]),
    },
  ]
}

/** A sheet whose rows arrive page by page from the database (the records under a ledger). */
export interface DetailSheet {
  name: string
  header: string[]
  rows: AsyncIterable<Cell[]>
}

/**
 * XLSX streamed as it is written (exceljs WorkbookWriter): memory stays flat, also for the
 * detail sheets, which are read a page at a time.
 */
export async function ledgerXlsx(ledger: Ledger, details: DetailSheet[] = []): Promise<Readable> {
  const { default: Excel } = await import('exceljs')
  const out = new PassThrough()
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  })
  void (async () => {
    for (const sheet of ledgerSheets(ledger)) {
      const worksheet = workbook.addWorksheet(sheet.name)
      worksheet
        .addRow([`${ledger.region.name} ${sheet.name}（截至 ${ledger.asOf.slice(0, 10)}）`])
        .commit()
      worksheet.addRow(sheet.header).commit()
      for (const row of sheet.rows) worksheet.addRow(row).commit()
      worksheet.commit()
    }
    for (const sheet of details) {
      const worksheet = workbook.addWorksheet(sheet.name)
      worksheet.addRow([`${ledger.region.name} ${sheet.name}`]).commit()
      worksheet.addRow(sheet.header).commit()
      for await (const row of sheet.rows) worksheet.addRow(row).commit()
      worksheet.commit()
    }
    await workbook.commit()
  })().catch((error: unknown) => out.destroy(error as Error))
  return out
}

const csvCell = (value: Cell) => {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV (UTF-8 with BOM, for Excel): each sheet's rows under its name in the first column. */
export function ledgerCsv(ledger: Ledger): string {
  const sheets = ledgerSheets(ledger)
  // As many value columns as the widest sheet has (the riders sheet: 16).
  const width = Math.max(...sheets.map((sheet) => sheet.header.length)) - 1
  const values = Array.from({ length: width }, (_, i) => `值${i + 1}`)
  const lines = [`\uFEFF${['台账', '项目', ...values].join(',')}`]
  for (const sheet of sheets) {
    lines.push([sheet.name, ...sheet.header].map(csvCell).join(','))
    for (const row of sheet.rows) lines.push([sheet.name, ...row].map(csvCell).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
