import type { MembershipKind, MembershipState } from '@djt/shared'

const UNKNOWN_BUREAU = '工作地所在县（市、区）市场监督管理局'

/**
 * The bureau that verifies an entry: the county market-regulation bureau of the region the
 * person works in (福州市鼓楼区 → 福州市鼓楼区市场监督管理局). `regionName` is null until known.
 */
export function reviewingBureau(regionName: string | null): string {
  return regionName ? `${regionName}市场监督管理局` : UNKNOWN_BUREAU
}

/** The region whose bureau verifies: where a rider or operator works, where a market is. */
export function reviewRegionCode(form: Record<string, unknown>): string {
  const code = form.workRegionCode ?? form.regionCode
  return typeof code === 'string' ? code : ''
}

/** What happens next, in plain words, for each state; `bureau` names who acts. */
export function nextStep(state: MembershipState, kind: MembershipKind, bureau: string): string {
  switch (state) {
    case 'draft':
      return `还没有提交。填写完整后点“提交”，${bureau}才会开始核验。`
    case 'submitted':
      return `已提交，正在等待${bureau}核验。核验期间如需补充，问题会显示在这里；有结果后这里会更新，请留意。等待期间仍可修改或撤回。`
    case 'resubmitted':
      return `你补充的信息已提交，正在等待${bureau}再次核验。`
    case 'needs_info':
      return `${bureau}请你补充信息。请点“补充并重新提交”，回答上面的问题（可附一张截图），然后提交。补充之前核验不会继续。`
    case 'verified':
      return kind === 'market_opener'
        ? '已核验，登记信息已生效。市场的党建情况将计入当地工作台账。'
        : '已核验，登记信息已生效。你可以到“承诺”页发布党员承诺，经审核后生成可扫码查验的承诺牌。'
    case 'rejected':
      return `未通过核验，原因见下方办理记录。如果信息填错了，可以点“修改”更正后重新提交；有疑问请联系${bureau}。`
    case 'revoked':
      return `${bureau}已撤销这条登记的核验，原因见下方办理记录。情况有变化时可以重新登记。`
    case 'withdrawn':
      return `你已撤回这条登记，${bureau}不会再核验。需要时可以点“重新登记”。`
  }
}
