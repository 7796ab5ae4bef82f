import { z } from 'zod'

/** The four registers staff import to check what people reported. */
export const RegisterKind = z.enum(['business', 'annual_report', 'platform_roster', 'party_list'], {
  error: '请选择名录类型',
})
export type RegisterKind = z.infer<typeof RegisterKind>
export const registerKindNames: Record<RegisterKind, string> = {
  business: '市场主体登记信息',
  annual_report: '年报党建信息',
  platform_roster: '平台骑手名册',
  party_list: '党组织党员名单',
}

/**
 * Column headers each register file must have (Chinese, as a clerk's spreadsheet has them);
 * the order in the file does not matter. Optional columns are marked in registerOptional.
 */
export const registerColumns: Record<RegisterKind, Record<string, string>> = {
  business: {
    uscc: '统一社会信用代码',
    name: '名称',
    legalRepresentative: '法定代表人',
    status: '登记状态',
    regionCode: '行政区划代码',
  },
  annual_report: {
    uscc: '统一社会信用代码',
    memberCount: '党员人数',
    hasOrganisation: '是否建立党组织',
  },
  platform_roster: {
    platform: '平台',
    riderId: '骑手编号',
    name: '姓名',
    mobile: '手机号',
    isMember: '是否党员',
    regionCode: '行政区划代码',
  },
  party_list: {
    name: '姓名',
    idNumber: '身份证号',
    mobile: '手机号',
    organisation: '所在党组织',
    regionCode: '行政区划代码',
  },
}
/** Party lists need the ID number or the mobile, not both. */
export const registerOptional: Record<RegisterKind, string[]> = {
  business: [],
  annual_report: [],
  platform_roster: [],
  party_list: ['idNumber', 'mobile'],
}

export const RegisterImport = z.object({
  id: z.uuid(),
  kind: RegisterKind,
  fileName: z.string(),
  regionCode: z.string(),
  importedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** Pending entries whose evidence was recomputed after this import. */
  evidenceRecomputed: z.number().int(),
})
export type RegisterImport = z.infer<typeof RegisterImport>
export const RegisterImportList = z.object({ items: z.array(RegisterImport) })

export const RejectedRow = z.object({
  line: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
})
export type RejectedRow = z.infer<typeof RejectedRow>
/**
 * A row whose natural key (USCC, platform + rider ID, ID number…) a later row of the same
 * file repeated: the later one was kept. disagreed: they differed beyond formatting.
 */
export const DuplicateRow = z.object({
  line: z.number().int(),
  keptLine: z.number().int(),
  disagreed: z.boolean(),
})
export type DuplicateRow = z.infer<typeof DuplicateRow>
export const RegisterImportReport = RegisterImport.extend({
  rejected: z.array(RejectedRow),
  /** Absent from servers before issue 18. */
  duplicates: z.array(DuplicateRow).optional(),
})
export type RegisterImportReport = z.infer<typeof RegisterImportReport>
export const RegisterImportParams = z.object({ id: z.uuid('导入编号格式不正确') })
export const RegisterKindParams = z.object({ kind: RegisterKind })
