import type { PersonalData } from '../services/me'

/** One line per part of the export, for the weapp summary (no file download there). */
export function summarizePersonalData(data: PersonalData): string[] {
  const lines = ['账号信息：1 份']
  if (data.staff) lines.push('工作人员信息：1 份')
  lines.push(`登录记录：${countOf(data.sessions)} 条`)
  lines.push(`操作记录：${countOf(data.activity)} 条`)
  return lines
}

export function personalDataFileName(now = new Date()): string {
  return `dangjiantong-my-data-${now.toISOString().slice(0, 10)}.json`
}

function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0
}
