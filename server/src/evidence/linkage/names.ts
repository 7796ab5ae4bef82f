// Names as a person and a register may write the same one: traditional or simplified
// (靜/静), a homophone (伟/玮), one character mistyped. Compared after folding, then by
// every reading of each character (曾 zeng/ceng, 乐 le/yue), then by edit distance.
import { normalizeName } from '@djt/shared'
import * as OpenCC from 'opencc-js/t2cn'
import { pinyin } from 'pinyin-pro'

export type NameLevel = 'exact' | 'normalised' | 'homophone' | 'close' | 'different' | 'missing'

export interface NameComparison {
  level: NameLevel
  /** The characters that differ, entry's first: [['伟', '玮']]. */
  pairs: [string, string][]
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })
const readingsCache = new Map<string, ReadonlySet<string>>()

/** Simplified, without the middle dot of minority names (买买提·艾力 = 买买提艾力). */
export function foldName(name: string): string {
  return toSimplified(normalizeName(name)).replace(/\u00B7/g, '')
}

/** Any text in simplified characters (a business's name written 繁體). */
export function toSimplifiedText(text: string): string {
  return toSimplified(text)
}

/** Every reading of one character, tones dropped; a non-Chinese character reads as itself. */
export function readings(char: string): ReadonlySet<string> {
  let found = readingsCache.get(char)
  if (!found) {
    const all = pinyin(char, { type: 'array', toneType: 'none', multiple: true })
    found = new Set(all.length > 0 ? all : [char])
    readingsCache.set(char, found)
  }
  return found
}

const sharesReading = (a: string, b: string) => {
  const other = readings(b)
  for (const reading of readings(a)) if (other.has(reading)) return true
  return false
}

/** Compares the entry's name (as typed) with the register's (already normalised). */
export function compareNames(entry: string | null, register: string | null): NameComparison {
  const typed = normalizeName(entry ?? '')
  const listed = normalizeName(register ?? '')
  if (typed === '' || listed === '') return { level: 'missing', pairs: [] }
  if (typed === listed) return { level: 'exact', pairs: [] }
  const a = [...foldName(typed)]
  const b = [...foldName(listed)]
  const folded =
    [...typed].length === [...listed].length ? differingPairs([...typed], [...listed]) : []
  if (a.join('') === b.join('')) return { level: 'normalised', pairs: folded }
  if (a.length === b.length) {
    const pairs = differingPairs(a, b)
    if (pairs.every(([x, y]) => sharesReading(x, y))) return { level: 'homophone', pairs }
    if (pairs.length === 1) return { level: 'close', pairs }
  }
  if (a.length !== b.length && editDistance(a, b) === 1) return { level: 'close', pairs: [] }
  if (a.length === b.length && isAdjacentSwap(a, b)) return { level: 'close', pairs: [] }
  return { level: 'different', pairs: [] }
}

function differingPairs(a: string[], b: string[]): [string, string][] {
  const pairs: [string, string][] = []
  a.forEach((char, i) => {
    const other = b[i] ?? ''
    if (char !== other) pairs.push([char, other])
  })
  return pairs
}

function isAdjacentSwap(a: string[], b: string[]): boolean {
  const at = a.findIndex((char, i) => char !== b[i])
  if (at < 0 || at + 1 >= a.length) return false
  return (
    a[at] === b[at + 1] &&
    a[at + 1] === b[at] &&
    a.slice(at + 2).join('') === b.slice(at + 2).join('')
  )
}

/** Levenshtein over characters (names are a few characters long). */
export function editDistance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
