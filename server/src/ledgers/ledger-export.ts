import type { Ledger, SiteFigures } from '@djt/shared'
import { type ExportSheet, percentCell, type SheetCell, sheetTitle } from '../kernel/sheet-cells.ts'

interface Sheet {
  name: string
  header: string[]
  rows: SheetCell[][]
}

const both = (s: { reported: number; verified: number }) => [s.reported, s.verified]
/** `3／5` with a full-width slash: Excel opens a CSV's `3/5` as the date 3月5日. */
const outOf = (part: number, whole: number) => `${part}／${whole}`

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
function siteCells(s: SiteFigures | undefined): SheetCell[] {
  if (!s) return SITE_HEADER.map(() => null)
  const rate = s.total > 0 ? s.organised / s.total : null
  return [s.total, s.organised, s.workCovered, s.riders, s.memberRiders, percentCell(rate)]
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
        ['覆盖率（已核验）', percentCell(markets.coverageRate), null],
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
    ...activitiesSheet(ledger.activities),
    ...supervisionSheet(ledger.supervision),
    ...difficultiesSheet(ledger.difficulties),
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
        outOf(w.training.countiesMeetingTarget, w.training.counties),
        w.liaison.liaisons,
        w.liaison.liaisonsWithOrganisation,
        w.liaison.organisations,
        w.liaison.visits,
        w.guidanceStations,
        outOf(w.committees.citiesSetUp, w.committees.cities),
        outOf(w.committees.countiesSetUp, w.committees.counties),
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

/** 组织生活 (absent from ledgers frozen before activities were counted). */
function activitiesSheet(activities: Ledger['activities']): Sheet[] {
  if (!activities) return []
  return [
    {
      name: '组织生活',
      header: [`活动类型（${activities.year}年）`, '活动场次', '报名人次', '签到人次'],
      rows: [
        ['合计', activities.activities, activities.signups, activities.attendances],
        ...activities.byKind.map((row) => [
          row.label,
          row.activities,
          row.signups,
          row.attendances,
        ]),
        ['参加活动的党员（人，按区县计）', activities.members, null, null],
        ...(activities.flowMembers === undefined
          ? []
          : [['其中流动党员（人，按区县计）', activities.flowMembers, null, null]]),
      ],
    },
  ]
}

/** 监督共治 (absent from ledgers frozen before reports were counted). */
function supervisionSheet(supervision: Ledger['supervision']): Sheet[] {
  if (!supervision) return []
  return [
    {
      name: '监督共治',
      header: [`项目（${supervision.year}年）`, '数量'],
      rows: [
        ['骑手监督报告', supervision.reports],
        ['已核查属实并处理', supervision.upheld],
      ],
    },
  ]
}

/** 骑手诉求 (absent from ledgers frozen before difficulties were counted). */
function difficultiesSheet(difficulties: Ledger['difficulties']): Sheet[] {
  if (!difficulties) return []
  return [
    {
      name: '骑手诉求',
      header: [`项目（${difficulties.year}年）`, '数量'],
      rows: [
        ['骑手诉求', difficulties.raised],
        ['7日内答复', difficulties.answeredWithinWeek],
        ['已协调解决', difficulties.solved],
      ],
    },
  ]
}

/** A sheet whose rows arrive page by page from the database (the records under a ledger). */
export type DetailSheet = Omit<ExportSheet, 'title'>

/**
 * The ledger's sheets, then the records under it, as one export (XLSX or CSV), each titled
 * with the region, the sheet, what edition it is (`2026年上半年期末`) and the data time.
 */
export function ledgerExport(
  ledger: Ledger,
  edition?: string,
  details: DetailSheet[] = [],
): ExportSheet[] {
  return [...ledgerSheets(ledger), ...details].map((sheet) => ({
    ...sheet,
    title: sheetTitle([ledger.region.name, sheet.name, edition], ledger.asOf),
  }))
}
