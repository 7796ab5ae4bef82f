// What each audit-log action and target is called when a person reads their own record
// (导出我的数据). Codes are what the server writes (server/src/audit); an action added there
// without a name here still reads, as 其他操作 with its code.

export const auditActionNames: Readonly<Record<string, string>> = {
  'activity.publish': '发布组织生活活动',
  'activity.update': '修改组织生活活动',
  'activity.cancel': '取消组织生活活动',
  'activity.close': '结束活动并记录',
  'activity.attendance_manual': '为党员补签到',
  'activity.signup': '报名组织生活活动',
  'activity.signup_withdraw': '取消活动报名',
  'activity.sign_in': '活动现场签到',
  'difficulty.raise': '提交诉求',
  'difficulty.reply': '答复骑手诉求',
  'difficulty.forward': '转办骑手诉求',
  'difficulty.close': '办结骑手诉求',
  'difficulty.feedback': '评价诉求答复',
  'difficulty.me_too': '诉求“我也遇到”',
  'supervision.report': '提交监督共治报告',
  'supervision.forward': '转办监督共治报告（区县）',
  'supervision.outcome': '记录监督共治报告核查结果',
  'auth.wechat_sign_up': '微信首次登录，创建账号',
  'auth.wechat_sign_in': '微信登录',
  'auth.staff_sign_in': '工作人员登录',
  'auth.sign_out': '退出登录',
  'auth.refresh_reuse': '登录凭证被重复使用，已全部退出',
  'privacy.accept': '同意隐私保护指引',
  'account.cancel': '注销账号',
  'checkin.create': '向党支部报到',
  'checkin.decide': '审核报到',
  'membership.reveal': '查看完整的手机号或身份证号',
  'membership.verify': '核验党员登记：通过',
  'membership.reject': '核验党员登记：不通过',
  'membership.ask': '向登记人提问',
  'membership.revoke': '撤销核验',
  'register.import': '导入名册',
  'place.create': '新增服务点',
  'place.update': '修改服务点',
  'place.import': '批量导入服务点',
  'platform_site.create': '新增平台站点',
  'pledge.approve': '承诺审核通过',
  'pledge.return': '承诺退回修改',
  'pledge.reject': '承诺审核不通过',
  'pledge.suspend': '暂停公示承诺',
  'pledge.reinstate': '恢复公示承诺',
  'pledge.evaluate': '评议承诺',
  'pledge.report.respond': '答复群众举报',
  'pledge.template.create': '新增承诺模板',
  'pledge.template.retire': '停用承诺模板',
  'ledger.report.submit': '上报台账',
  'ledger.report.accept': '接收下级上报的台账',
  'ledger.report.return': '退回下级上报的台账',
  'staff.create': '新建工作人员账号',
  'staff.disable': '停用工作人员账号',
  'staff.enable': '启用工作人员账号',
  'staff.unlock': '解除账号锁定',
  'staff.mfa_enrolled': '绑定两步验证',
  'work.committee.update': '更新联合党委信息',
  'work.liaison.create': '新增党建指导员结对',
  'work.liaison.end': '结束党建指导员结对',
  'work.liaison.visit': '记录指导员走访',
  'work.training.create': '登记培训',
  'work.training.delete': '删除培训记录',
  'system.audit_retention': '清理过期的操作记录',
}

export const auditTargetNames: Readonly<Record<string, string>> = {
  user: '账号',
  activity: '组织生活活动',
  membership: '党员登记',
  branch_checkin: '支部报到',
  register_import: '名册导入',
  staff_account: '工作人员账号',
  place: '服务点',
  place_import: '服务点导入',
  platform_site: '平台站点',
  pledge: '承诺',
  pledge_report: '群众举报',
  pledge_template: '承诺模板',
  ledger_report: '台账报告',
  party_committee: '联合党委',
  liaison_pair: '指导员结对',
  liaison_visit: '指导员走访',
  training_session: '培训',
  difficulty: '骑手诉求',
  supervision_report: '监督共治报告',
}

/** An action as a sentence fragment a person reads; an unnamed code still shows. */
export function auditActionText(action: string): string {
  return auditActionNames[action] ?? `其他操作（${action}）`
}

/** What an action was done to; empty when nothing. */
export function auditTargetText(targetType: string | null): string {
  if (!targetType) return ''
  return auditTargetNames[targetType] ?? targetType
}
