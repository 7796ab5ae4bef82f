import fc from 'fast-check'
import t from 'tap'
import { corroborationBits } from '../src/evidence/linkage/corroborate.ts'
import { residentIdCorrections } from '../src/evidence/linkage/id-corrections.ts'
import { compareNames, foldName } from '../src/evidence/linkage/names.ts'
import { type PersonComparison, scorePair } from '../src/evidence/linkage/score.ts'
import { judgePerson } from '../src/evidence/linkage/verdict.ts'
import {
  matchProbability,
  nameExactWeight,
  startingWeights as w,
} from '../src/evidence/linkage/weights.ts'
import { residentId } from './fixtures/memberships.ts'

const person = (overrides: Partial<PersonComparison> = {}): PersonComparison => ({
  riderId: 'missing',
  idNumber: 'missing',
  mobile: 'missing',
  name: compareNames('王伟', '王伟'),
  nameFrequency: 1 / 20_000,
  ...overrides,
})
const weightOf = (c: PersonComparison, field: string) =>
  scorePair(c, w).fields.find((f) => f.field === field)?.weight

t.test('names: each level', async (t) => {
  t.same(compareNames('王伟', '王伟'), { level: 'exact', pairs: [] })
  t.same(compareNames(' 王　伟 ', '王伟'), { level: 'exact', pairs: [] }, 'spaces are formatting')
  t.same(compareNames('王靜', '王静'), { level: 'normalised', pairs: [['靜', '静']] })
  t.equal(compareNames('陳傑', '陈杰').level, 'normalised')
  t.equal(compareNames('买买提·艾力', '买买提艾力').level, 'normalised', 'the middle dot dropped')
  t.same(compareNames('张伟', '张玮'), { level: 'homophone', pairs: [['伟', '玮']] })
  t.equal(compareNames('曾悦', '曾乐').level, 'homophone', '乐 read yue as well as le')
  t.same(compareNames('张伟', '张炜').level, 'homophone', '炜 is wei too')
  t.same(compareNames('张伟', '张强'), { level: 'close', pairs: [['伟', '强']] })
  t.equal(compareNames('欧阳娜娜', '欧阳娜').level, 'close', 'one character dropped')
  t.equal(compareNames('李小明', '李明小').level, 'close', 'two neighbours swapped')
  t.equal(compareNames('张伟', '李强').level, 'different')
  t.equal(compareNames('', '李强').level, 'missing')
  t.equal(compareNames('李强', null).level, 'missing')
  t.equal(foldName('張偉'), '张伟')
})

t.test('weights: each field and level', async (t) => {
  t.equal(weightOf(person({ idNumber: 'exact' }), 'idNumber'), 19.9)
  t.equal(weightOf(person({ idNumber: 'corrected' }), 'idNumber'), 10.3)
  t.equal(weightOf(person({ idNumber: 'different' }), 'idNumber'), -6.1)
  t.equal(weightOf(person(), 'idNumber'), 0, 'missing counts 0')
  t.equal(weightOf(person({ mobile: 'exact' }), 'mobile'), 15.2)
  t.equal(weightOf(person({ mobile: 'different' }), 'mobile'), -2.1, 'weak on purpose')
  t.equal(weightOf(person(), 'mobile'), 0)
  t.equal(weightOf(person({ riderId: 'exact' }), 'riderId'), 18)
  t.equal(weightOf(person({ name: compareNames('张伟', '张玮') }), 'name'), 6)
  t.equal(weightOf(person({ name: compareNames('张伟', '张强') }), 'name'), 4.5)
  t.equal(weightOf(person({ name: compareNames('张伟', '李强') }), 'name'), -5.6)
  t.equal(weightOf(person({ name: compareNames('', '李强') }), 'name'), 0)
  // Term frequency: common names weigh little, rare ones much, within LINKAGE.md's range.
  t.equal(nameExactWeight(w, 0.01), 8.8)
  t.equal(nameExactWeight(w, 1e-7), 16.5)
  t.equal(nameExactWeight(w, null), 8.8, 'unknown: the cautious end')
  t.ok(Math.abs(nameExactWeight(w, 1 / 20_000) - Math.log2(0.9 * 20_000)) < 1e-9)
  const rare = weightOf(person(), 'name') ?? 0
  t.equal(weightOf(person({ name: compareNames('王偉', '王伟') }), 'name'), rare - 1, 'below exact')
  const total = scorePair(person({ idNumber: 'exact', mobile: 'exact' }), w)
  t.ok(Math.abs(total.bits - (w.prior + 19.9 + 15.2 + rare)) < 1e-9, 'prior plus weights')
  t.ok(total.probability > 0.9999)
})

t.test('the explanation: every weight and the total', async (t) => {
  const v = judgePerson(
    person({ idNumber: 'exact', name: compareNames('张伟', '张玮'), mobile: 'different' }),
    w,
  )
  t.equal(v.explanation, '身份证号一致 +19.9 · 姓名同音（伟/玮）+6.0 · 手机号不同 −2.1 → 99.86%')
  t.equal(v.status, 'match')
  t.equal(v.note, '身份证号相同，姓名有一字不同：伟/玮，可能为同音字')
  t.ok(v.strongIdentifier)
})

t.test('contradictions: only where identifiers really disagree', async (t) => {
  const otherName = judgePerson(
    person({ idNumber: 'exact', name: compareNames('张伟', '李强') }),
    w,
  )
  t.match(otherName, { status: 'conflict', note: '身份证号相同，姓名不同' })
  const typo = judgePerson(person({ idNumber: 'exact', name: compareNames('张伟', '张强') }), w)
  t.match(typo, { status: 'match', note: '身份证号相同，姓名有一字之差：伟/强，可能为录入错误' })
  const traditional = judgePerson(
    person({ idNumber: 'exact', name: compareNames('王靜', '王静') }),
    w,
  )
  t.match(traditional, { status: 'match', note: /繁简/ })
  const taken = judgePerson(
    person({ riderId: 'exact', name: compareNames('钱七', '周九'), mobile: 'different' }),
    w,
  )
  t.match(taken, { status: 'conflict', note: /骑手编号相同，但姓名、手机号均不同/ })
  const sharedPhone = judgePerson(
    person({ mobile: 'exact', idNumber: 'different', name: compareNames('王小明', '王小明') }),
    w,
  )
  t.match(sharedPhone, { status: 'conflict', note: '手机号、姓名相同，身份证号不同' })
  const relative = judgePerson(
    person({ mobile: 'exact', idNumber: 'different', name: compareNames('王小明', '李芳') }),
    w,
  )
  t.equal(relative.status, 'partial', 'another person on the same phone: no contradiction')
  t.ok(relative.score.probability < 0.01)
})

t.test('a name alone never matches; a corrected ID needs the mobile beside it', async (t) => {
  const nameOnly = judgePerson(person({ nameFrequency: 1e-9 }), w)
  t.equal(nameOnly.status, 'partial')
  t.notOk(nameOnly.strongIdentifier)
  const corrected = judgePerson(person({ idNumber: 'corrected', mobile: 'different' }), w)
  t.equal(corrected.status, 'partial')
  const correctedSamePhone = judgePerson(person({ idNumber: 'corrected', mobile: 'exact' }), w)
  t.equal(correctedSamePhone.status, 'match')
  t.notOk(correctedSamePhone.strongIdentifier, 'a corrected ID is not a strong identifier')
})

t.test(
  'impostors: the register alone cannot tell, so neither is a strong identifier pair',
  async (t) => {
    // A colleague's name and rider ID, his own mobile, no ID: the roster agrees on the key
    // and the name (a genuine rider with a new phone looks the same), the party list finds
    // nobody by his mobile. One register is never 强 (judge: two must agree).
    const roster = judgePerson(
      person({ riderId: 'exact', name: compareNames('王伟', '王伟'), mobile: 'different' }),
      w,
    )
    t.equal(roster.status, 'match')
    // A namesake with his own ID: found by nothing but the name.
    const namesake = judgePerson(person({ nameFrequency: 1e-9 }), w)
    t.equal(namesake.status, 'partial')
    t.notOk(namesake.strongIdentifier)
  },
)

t.test('the roster chain adds what entry = roster = party row says, and no more', async (t) => {
  // A one-character typo, no ID, the same mobile: the party row alone is 97.7 %.
  const typo = compareNames('王大明', '王小明')
  const direct = scorePair(person({ mobile: 'exact', name: typo }), w)
  t.equal(direct.probability.toFixed(4), '0.9769')
  const entryToRoster = scorePair(person({ riderId: 'exact', mobile: 'exact', name: typo }), w)
  const rosterToParty = scorePair(person({ mobile: 'exact' }), w)
  const bits = corroborationBits(direct, entryToRoster, rosterToParty)
  const chained = entryToRoster.probability * rosterToParty.probability
  const lifted = matchProbability(direct.bits + bits)
  t.ok(lifted <= chained, `${lifted} ≤ ${chained}: never more than the chain`)
  t.ok(matchProbability(direct.bits + bits + 0.1) > chained, 'short of it by under 0.1 bit')
  t.ok(lifted >= 0.99, 'above the threshold')
  // The roster row under someone else's name: the chain is no stronger than the row itself.
  const otherName = scorePair(person({ mobile: 'exact', name: compareNames('李强', '王伟') }), w)
  t.equal(corroborationBits(direct, entryToRoster, otherName), 0)
  // Already certain: nothing to add.
  const exact = scorePair(person({ idNumber: 'exact', mobile: 'exact' }), w)
  t.equal(corroborationBits(exact, entryToRoster, rosterToParty), 0)
})

t.test('ID corrections: valid IDs one slip away, never the ID itself', async (t) => {
  const id = residentId('350102', '19900101', '123')
  const corrections = residentIdCorrections(id, new Date('2026-01-01T00:00:00Z'))
  t.ok(corrections.length > 20 && corrections.length <= 200, `${corrections.length} candidates`)
  t.notOk(corrections.includes(id))
  const body = id.slice(0, 17)
  const swapped = `${body.slice(0, 14)}${body[15]}${body[14]}${body[16]}`
  t.ok(
    corrections.some((c) => c.startsWith(swapped)),
    'a swap with its check character',
  )
  t.same(residentIdCorrections('12345'), [])
})

t.test('normalisation never changes a genuine exact match', async (t) => {
  const hanzi = fc.constantFrom(...'王李张刘陈杨黄赵吴周伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚')
  const noise = fc.constantFrom('', ' ', '\u3000', '\u200B', ' \u3000')
  fc.assert(
    fc.property(
      fc.array(hanzi, { minLength: 2, maxLength: 4 }),
      fc.array(noise, { minLength: 5, maxLength: 5 }),
      (chars, pads) => {
        const name = chars.join('')
        const typed = chars.map((c, i) => `${pads[i] ?? ''}${c}`).join('') + (pads[4] ?? '')
        const listed = compareNames(name, name)
        const formatted = compareNames(typed, name)
        const c = person({ idNumber: 'exact', mobile: 'exact' })
        const a = judgePerson({ ...c, name: listed }, w)
        const b = judgePerson({ ...c, name: formatted }, w)
        return (
          formatted.level === 'exact' && a.status === b.status && a.explanation === b.explanation
        )
      },
    ),
  )
  t.pass('held for every generated name and spacing')
})
