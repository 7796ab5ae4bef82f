// The business register's row, found by the USCC the entry gives, scored like a person's
// row (Fellegi–Sunter): the code, the business's (or market's) name, for an operator the
// legal representative, and the county; each field's level and weight, their sum with the
// prior as a probability. "统一社会信用代码一致 +19.9 · 名称一致 +9.0 · 法定代表人同音（伟/玮）+6.0 → 99.99%"
import { normalizeText, probabilityText, weightText } from '@djt/shared'
import { compareNames, editDistance, type NameComparison, toSimplifiedText } from './names.ts'
import { nameWeight } from './score.ts'
import { matchProbability, type WeightSet } from './weights.ts'

export type BusinessNameLevel = 'exact' | 'normalised' | 'close' | 'different' | 'missing'

export type BusinessFieldName =
  | 'uscc'
  | 'businessName'
  | 'marketName'
  | 'legalRepresentative'
  | 'region'

export interface BusinessScoredField {
  field: BusinessFieldName
  level: string
  weight: number
}

export interface BusinessScore {
  fields: BusinessScoredField[]
  bits: number
  probability: number
  explanation: string
  /** The legal representative compared (operators), for the note on a difference. */
  legalRepresentative: NameComparison | undefined
}

/**
 * A business's name as typed against the register's: the same; the same once 繁體 is
 * simplified; close (one written inside the other, as "老周水果店" inside "福州市鼓楼区老周水果店",
 * or at most two characters apart); or another name.
 */
export function compareBusinessNames(
  entry: string | null,
  register: string | null,
): BusinessNameLevel {
  const typed = normalizeText(entry ?? '')
  const listed = normalizeText(register ?? '')
  if (typed === '' || listed === '') return 'missing'
  if (typed === listed) return 'exact'
  const a = toSimplifiedText(typed)
  const b = toSimplifiedText(listed)
  if (a === b) return 'normalised'
  const shorter = a.length <= b.length ? a : b
  const longer = a.length <= b.length ? b : a
  if ([...shorter].length >= 2 && longer.includes(shorter)) return 'close'
  return editDistance([...a], [...b]) <= 2 ? 'close' : 'different'
}

export interface BusinessComparison {
  nameField: 'businessName' | 'marketName'
  name: BusinessNameLevel
  /** Operators only: the person registering against the licence's legal representative. */
  legalRepresentative: NameComparison | undefined
  region: 'exact' | 'different' | 'missing'
}

export function compareBusiness(input: {
  kind: 'operator' | 'market_opener'
  name: string | null
  businessName: string | null
  marketName: string | null
  regionCode: string | null
  row: { nameNorm: string; legalRepresentativeNorm: string; regionCode: string }
}): BusinessComparison {
  const operator = input.kind === 'operator'
  const region =
    !input.regionCode || !input.row.regionCode
      ? 'missing'
      : input.regionCode === input.row.regionCode
        ? 'exact'
        : 'different'
  return {
    nameField: operator ? 'businessName' : 'marketName',
    name: compareBusinessNames(
      operator ? input.businessName : input.marketName,
      input.row.nameNorm,
    ),
    legalRepresentative: operator
      ? compareNames(input.name, input.row.legalRepresentativeNorm)
      : undefined,
    region,
  }
}

export function scoreBusiness(c: BusinessComparison, weights: WeightSet): BusinessScore {
  const w = weights.business
  const nameWeights: Record<BusinessNameLevel, number> = {
    exact: w.nameExact,
    normalised: w.nameNormalised,
    close: w.nameClose,
    different: w.nameDifferent,
    missing: 0,
  }
  const fields: BusinessScoredField[] = [
    { field: 'uscc', level: 'exact', weight: w.uscc },
    { field: c.nameField, level: c.name, weight: nameWeights[c.name] },
  ]
  if (c.legalRepresentative)
    fields.push({
      field: 'legalRepresentative',
      level: c.legalRepresentative.level,
      weight: nameWeight(weights, c.legalRepresentative, null),
    })
  fields.push({
    field: 'region',
    level: c.region,
    weight: c.region === 'exact' ? w.regionExact : c.region === 'different' ? w.regionDifferent : 0,
  })
  const bits = fields.reduce((sum, field) => sum + field.weight, weights.prior)
  const probability = matchProbability(bits)
  const explanation = `${fields
    .filter((field) => field.weight !== 0)
    .map((field) => {
      const label = fieldLabel(field, c)
      return `${label}${label.endsWith('）') ? '' : ' '}${weightText(field.weight)}`
    })
    .join(' · ')} → ${probabilityText(probability)}`
  return { fields, bits, probability, explanation, legalRepresentative: c.legalRepresentative }
}

const nameWords: Record<BusinessNameLevel, string> = {
  exact: '一致',
  normalised: '繁简写法不同',
  close: '相近',
  different: '不同',
  missing: '',
}

const personWords: Record<string, string> = {
  exact: '一致',
  normalised: '繁简写法不同',
  homophone: '同音',
  close: '差一字',
  different: '不同',
}

function fieldLabel(field: BusinessScoredField, c: BusinessComparison): string {
  switch (field.field) {
    case 'uscc':
      return '统一社会信用代码一致'
    case 'businessName':
    case 'marketName':
      return `${field.field === 'marketName' ? '市场名称' : '名称'}${nameWords[c.name]}`
    case 'legalRepresentative': {
      const pairs = c.legalRepresentative?.pairs ?? []
      const said = pairs.length > 0 ? `（${pairs.map(([a, b]) => `${a}/${b}`).join('、')}）` : ''
      return `法定代表人${personWords[field.level] ?? ''}${said}`
    }
    case 'region':
      return field.level === 'exact' ? '所在县区一致' : '所在县区不同'
  }
}

/** The legal representative is this person, written another way at most. */
export function sameRepresentative(level: string): boolean {
  return level === 'exact' || level === 'normalised' || level === 'homophone'
}
