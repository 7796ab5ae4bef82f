import type { OpeningHours, OpeningRange } from '@djt/shared'

const DAY_NAMES = '一二三四五六日'
const ALWAYS = /^(24小时|24H|全天|全天候|24小时营业|24小时开放|全天24小时)$/i

/** Monday-first day indexes named by a day part: 每天, 周一至周五, 周六、周日, 工作日, 周末. */
function parseDays(text: string): number[] | undefined {
  if (/^(每天|每日|全周|周一至周日|周一到周日)$/.test(text)) return [0, 1, 2, 3, 4, 5, 6]
  if (text === '工作日') return [0, 1, 2, 3, 4]
  if (text === '周末') return [5, 6]
  const day = (name: string) => DAY_NAMES.indexOf(name === '天' ? '日' : name)
  const days = new Set<number>()
  for (const part of text.split(/[、,]/)) {
    const span =
      /^(?:周|星期)([一二三四五六日天])(?:(?:至|到|-|~)(?:周|星期)?([一二三四五六日天]))?$/.exec(
        part,
      )
    if (!span?.[1]) return undefined
    const from = day(span[1])
    const to = span[2] ? day(span[2]) : from
    if (to < from) return undefined
    for (let d = from; d <= to; d++) days.add(d)
  }
  return [...days]
}

const TIME = '(\\d{1,2}:\\d{2})'
const RANGE = new RegExp(`^${TIME}(?:-|~|至|到)${TIME}$`)
const pad = (time: string) => time.padStart(5, '0')

/**
 * Opening hours as clerks write them: `24小时`, `每天 08:00-22:00`, or segments like
 * `周一至周五 08:00-20:00; 周六至周日 09:00-18:00`; 22:00-02:00 runs past midnight.
 * Returns the hours, or why the text could not be read.
 */
export function parseHoursText(raw: string): OpeningHours | string {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/[–—－]/g, '-')
  if (ALWAYS.test(text.replace(/\s+/g, ''))) return { always: true, days: emptyWeek() }
  const days = emptyWeek()
  const segments = text
    .split(/[;；\n]/)
    .map((segment) => segment.trim())
    .filter(Boolean)
  if (segments.length === 0) return '请填写开放时间'
  for (const segment of segments) {
    const match = /^(\S+?)\s*((?:\d.*))$/.exec(segment)
    const dayList = match?.[1] ? parseDays(match[1]) : undefined
    if (!match?.[2] || !dayList) return `无法识别的开放时间：${segment}`
    const ranges: OpeningRange[] = []
    for (const part of match[2].split(/[,、\s]+/).filter(Boolean)) {
      const range = RANGE.exec(part)
      if (!range?.[1] || !range[2]) return `无法识别的时段：${part}`
      const open = pad(range[1])
      const close = pad(range[2])
      if (open > '24:00' || close > '24:00' || open === close) return `时段不正确：${part}`
      ranges.push({ open, close })
    }
    for (const day of dayList) days[day] = [...(days[day] ?? []), ...ranges]
  }
  return { always: false, days }
}

function emptyWeek(): OpeningRange[][] {
  return Array.from({ length: 7 }, () => [])
}
