// The scorer's reasons in the words a clerk reads:
// "身份证号一致 +19.9 · 姓名同音（伟/玮）+6.0 · 手机号不同 −2.1 → 99.98%".
import { probabilityText, weightText } from '@djt/shared'
import type { NameComparison } from './names.ts'
import type { PairScore, ScoredField } from './score.ts'

const pairText = (name: NameComparison) =>
  name.pairs.length > 0 ? `（${name.pairs.map(([a, b]) => `${a}/${b}`).join('、')}）` : ''

function fieldLabel(field: ScoredField, name: NameComparison): string {
  switch (field.field) {
    case 'riderId':
      return field.level === 'corroborated' ? '经平台名册佐证' : '平台与骑手编号一致'
    case 'idNumber':
      return { exact: '身份证号一致', corrected: '身份证号差一位', different: '身份证号不同' }[
        field.level as 'exact' | 'corrected' | 'different'
      ]
    case 'mobile':
      return field.level === 'exact' ? '手机号一致' : '手机号不同'
    case 'name': {
      const words = {
        exact: '姓名一致',
        normalised: '姓名繁简写法不同',
        homophone: '姓名同音',
        close: '姓名差一字',
        different: '姓名不同',
      } as Record<string, string>
      return `${words[field.level] ?? '姓名'}${pairText(name)}`
    }
  }
}

/** Every field that weighed something, then the total as a probability. */
export function explainScore(score: PairScore, name: NameComparison): string {
  // The roster chain is said last: it adds to what the row's own fields showed.
  const parts = score.fields
    .filter((field) => field.weight !== 0)
    .toSorted((a, b) => Number(a.level === 'corroborated') - Number(b.level === 'corroborated'))
    .map((field) => {
      const label = fieldLabel(field, name)
      // After a full-width bracket the space is already there, as the issue writes it.
      return `${label}${label.endsWith('）') ? '' : ' '}${weightText(field.weight)}`
    })
  return `${parts.join(' · ')} → ${probabilityText(score.probability)}`
}

/** Same ID, a name one or two characters off: what the difference most likely is. */
export function nameDifferenceNote(name: NameComparison): string | undefined {
  const pairs = name.pairs.map(([a, b]) => `${a}/${b}`).join('、')
  const count = name.pairs.length === 1 ? '一' : String(name.pairs.length)
  const said = pairs ? `：${pairs}` : ''
  if (name.level === 'homophone') return `姓名有${count}字不同${said}，可能为同音字`
  if (name.level === 'normalised') return `姓名写法不同${said}，为繁简字`
  if (name.level === 'close') return `姓名有一字之差${said}，可能为录入错误`
  return undefined
}
