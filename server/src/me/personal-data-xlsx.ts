import { buffer } from 'node:stream/consumers'
import {
  activityKindNames,
  activityStateNames,
  auditActionText,
  auditTargetText,
  difficultyCategoryNames,
  difficultyOutcomeNames,
  honourStateNames,
  isCalendarDay,
  MembershipDraft,
  membershipFieldNames,
  membershipKindNames,
  membershipStateNames,
  membershipValueText,
  staffLevelNames,
  supervisionCategoryNames,
  supervisionOutcomeNames,
} from '@djt/shared'
import {
  dayCell,
  type ExportSheet,
  type SheetCell,
  sheetTitle,
  timeCell,
} from '../kernel/sheet-cells.ts'
import { xlsxOf } from '../kernel/xlsx-out.ts'
import type { collectPersonalData } from './me.repository.ts'

type Held = Awaited<ReturnType<typeof collectPersonalData>>
type Registration = Omit<
  Held['memberships'][number],
  'mobile_enc' | 'mobile_bi' | 'id_number_enc' | 'id_number_bi'
> & { mobileMasked: string | null; idNumberMasked: string | null }
/** What the export holds: ciphertexts already replaced by masked values. */
export type PersonalData = Omit<Held, 'memberships'> & { memberships: Registration[] }

interface Sheet {
  name: string
  header: string[]
  rows: SheetCell[][]
}

const at = timeCell
const roleNames = { user: '小程序用户', staff: '工作人员' } as const
const attendanceMethodNames = { scan: '现场扫码', manual: '组织者补签' } as const
const outcomeNames = { success: '成功', failure: '未成功', denied: '被拒绝' } as const

/** The export for a person, not a program: one sheet per part, Chinese headers, local time. */
export function personalDataSheets(data: PersonalData, exportedAt: Date): Sheet[] {
  const { user, staff } = data
  const account: Sheet = {
    name: '账号',
    header: ['项目', '内容'],
    rows: [
      ['账号编号', user.id],
      ['账号类型', roleNames[user.role]],
      ['称呼', user.display_name],
      ['身份类别', user.kind ? membershipKindNames[user.kind] : ''],
      ['微信标识（openid）', user.openid],
      ['微信开放平台标识（unionid）', user.unionid],
      ['同意的隐私政策版本', user.privacy_version],
      ['同意时间', at(user.privacy_accepted_at)],
      ['账号创建时间', at(user.created_at)],
      ['导出时间', at(exportedAt)],
    ],
  }
  const staffSheet: Sheet[] = staff
    ? [
        {
          name: '工作人员',
          header: ['项目', '内容'],
          rows: [
            ['用户名', staff.username],
            ['级别', staffLevelNames[staff.level]],
            ['所辖地区', regionText(data, staff.region_code)],
            ['所在指导站', staff.station_name],
            ['两步验证', staff.totp_enabled ? '已开启' : '未开启'],
          ],
        },
      ]
    : []
  const activitySheet: Sheet[] =
    data.activities.length > 0
      ? [
          {
            name: '组织生活',
            header: [
              '活动',
              '类型',
              '开始时间',
              '地点',
              '活动状态',
              '报名',
              '签到时间',
              '签到方式',
            ],
            rows: data.activities.map((a) => [
              a.title,
              activityKindNames[a.kind],
              at(a.starts_at),
              a.address,
              activityStateNames[a.state],
              a.signup_state === 'active' ? '已报名' : a.signup_state ? '已取消报名' : '',
              at(a.attended_at),
              a.attendance_method ? attendanceMethodNames[a.attendance_method] : '',
            ]),
          },
        ]
      : []
  const difficultySheet: Sheet[] =
    data.difficulties.length > 0
      ? [
          {
            name: '诉求',
            header: [
              '提交时间',
              '类别',
              '内容',
              '地点',
              '所在区县',
              '状态',
              '办理结果',
              '答复',
              '是否有帮助',
            ],
            rows: data.difficulties.map((d) => [
              at(d.created_at),
              difficultyCategoryNames[d.category],
              d.text,
              [d.place_name, d.place_address].filter(Boolean).join(' '),
              d.region_name,
              d.state === 'closed' ? '已办结' : '办理中',
              d.outcome
                ? `${difficultyOutcomeNames[d.outcome]}${d.outcome_note ? `：${d.outcome_note}` : ''}`
                : '',
              d.replies ?? '',
              d.helpful === null ? '' : d.helpful ? '有帮助' : '没有帮助',
            ]),
          },
        ]
      : []
  const honourSheet: Sheet[] =
    data.honours.length > 0
      ? [
          {
            name: '最美骑手',
            header: ['推荐时间', '年度', '设区市', '推荐事迹', '状态', '公开署名', '撤销原因'],
            rows: data.honours.map((h) => [
              at(h.created_at),
              `${h.year}年`,
              h.city_name,
              h.citation,
              honourStateNames[h.state],
              h.shown_name ?? '',
              h.revoke_reason ?? '',
            ]),
          },
        ]
      : []
  return [
    account,
    ...staffSheet,
    { name: '党员登记', header: ['登记', '项目', '内容'], rows: registrationRows(data) },
    {
      name: '登录记录',
      header: ['登录时间', '有效期至', '续期时间', '退出时间'],
      rows: data.sessions.map((s) => [
        at(s.created_at),
        at(s.expires_at),
        at(s.rotated_at),
        at(s.revoked_at),
      ]),
    },
    {
      name: '操作记录',
      header: ['时间', '操作', '结果', '对象', '对象编号'],
      rows: data.activity.map((a) => [
        at(a.at),
        auditActionText(a.action),
        outcomeNames[a.outcome],
        auditTargetText(a.target_type),
        a.target_id,
      ]),
    },
    ...activitySheet,
    ...difficultySheet,
    ...honourSheet,
    ...supervisionSheet(data),
  ]
}

/** 监督共治: the reports the person made and what the bureau found. */
function supervisionSheet(data: PersonalData): Sheet[] {
  if (data.supervisionReports.length === 0) return []
  return [
    {
      name: '监督共治',
      header: [
        '提交时间',
        '类别',
        '商家',
        '商家地址',
        '统一社会信用代码',
        '问题描述',
        '所在区县',
        '状态',
        '核查结果',
      ],
      rows: data.supervisionReports.map((r) => [
        at(r.created_at),
        supervisionCategoryNames[r.category],
        r.merchant_name,
        r.merchant_address,
        r.credit_code ?? '',
        r.text,
        r.region_name,
        r.state === 'closed' ? '已办结' : '核查中',
        r.outcome
          ? [supervisionOutcomeNames[r.outcome], r.referred_department, r.outcome_note]
              .filter(Boolean)
              .join('：')
          : '',
      ]),
    },
  ]
}

/** A region by its name, its code after it (what the bureau's lists show). */
function regionText(data: PersonalData, code: string): string {
  const name = data.regionNames.get(code)
  return name ? `${name}（${code}）` : code
}

/** Each registration as labelled lines; mobile and ID number only masked. */
function registrationRows(data: PersonalData): SheetCell[][] {
  return data.memberships.flatMap((row, index) => {
    const label = `第 ${index + 1} 份`
    const form = Object.entries(MembershipDraft.parse(row.form)).filter(
      ([field]) => field !== 'kind',
    )
    return [
      [label, '登记类型', membershipKindNames[row.kind]],
      [label, '状态', membershipStateNames[row.state]],
      [label, `${membershipFieldNames.mobile}（已遮盖）`, row.mobileMasked],
      [label, `${membershipFieldNames.idNumber}（已遮盖）`, row.idNumberMasked],
      ...form.map(([field, value]): SheetCell[] => [
        label,
        membershipFieldNames[field] ?? field,
        formValue(data, field, value),
      ]),
      [label, '审核提问', row.question],
      [label, '提交时间', at(row.created_at)],
      [label, '最后更新', at(row.updated_at)],
    ]
  })
}

/** A registration's answer as read: regions by name, days (入党日期) as dates. */
function formValue(data: PersonalData, field: string, value: unknown): SheetCell {
  if (/regioncode$/i.test(field) && typeof value === 'string') return regionText(data, value)
  if (/On$/.test(field) && typeof value === 'string' && isCalendarDay(value)) return dayCell(value)
  return membershipValueText(field, value)
}

/** Small enough to answer whole. */
export function personalDataXlsx(data: PersonalData, exportedAt: Date): Promise<Buffer> {
  const sheets: ExportSheet[] = personalDataSheets(data, exportedAt).map((sheet) => ({
    ...sheet,
    title: sheetTitle(['我的数据', sheet.name], exportedAt),
  }))
  return buffer(xlsxOf(sheets))
}
