// What one register's best row says about the entry: one person (match), some agreement
// (partial), or identifiers that really contradict each other (conflict). A name alone
// never makes a match: an identifier must agree too.
import { explainScore, nameDifferenceNote } from './explain.ts'
import { type PairScore, type PersonComparison, scorePair } from './score.ts'
import type { WeightSet } from './weights.ts'

export interface PersonVerdict {
  status: 'match' | 'partial' | 'conflict'
  score: PairScore
  /** "身份证号一致 +19.9 · 姓名同音（伟/玮）+6.0 → 99.86%" */
  explanation: string
  /** What was found, in words: a contradiction, or a difference that is likely a slip. */
  note: string | undefined
  /** ID number or platform + rider ID agrees exactly: what 强 needs. */
  strongIdentifier: boolean
}

function contradiction(c: PersonComparison): string | undefined {
  if (c.idNumber === 'exact' && c.name.level === 'different') return '身份证号相同，姓名不同'
  if (c.riderId === 'exact' && c.name.level === 'different' && c.mobile === 'different')
    return '骑手编号相同，但姓名、手机号均不同，可能为他人的编号'
  // Another name too: someone else sharing the phone (a relative), not a contradiction.
  if (c.mobile === 'exact' && c.idNumber === 'different' && c.name.level !== 'different')
    return '手机号、姓名相同，身份证号不同'
  return undefined
}

function differenceNote(c: PersonComparison): string | undefined {
  const name = nameDifferenceNote(c.name)
  if (c.idNumber === 'exact' && name) return `身份证号相同，${name}`
  if (c.riderId === 'exact' && name) return `骑手编号相同，${name}`
  if (c.idNumber === 'corrected') return '身份证号与名单差一位，可能为录入错误'
  return name
}

export function judgePerson(c: PersonComparison, weights: WeightSet): PersonVerdict {
  const score = scorePair(c, weights)
  const explanation = explainScore(score, c.name)
  const strongIdentifier = c.idNumber === 'exact' || c.riderId === 'exact'
  const conflict = contradiction(c)
  if (conflict) return { status: 'conflict', score, explanation, note: conflict, strongIdentifier }
  // A corrected ID is a likely slip, not proof: it counts only beside an agreeing mobile.
  const identifier = strongIdentifier || c.mobile === 'exact'
  const likely = score.probability >= weights.threshold
  const status = likely && identifier ? 'match' : 'partial'
  return { status, score, explanation, note: differenceNote(c), strongIdentifier }
}
