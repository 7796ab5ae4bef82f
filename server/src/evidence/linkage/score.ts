// One register row against one entry: each field's level and weight, their sum with the
// prior, and the probability that the two are one person (Fellegi–Sunter).
import type { NameComparison } from './names.ts'
import { matchProbability, nameExactWeight, type WeightSet } from './weights.ts'

export type IdLevel = 'exact' | 'corrected' | 'different' | 'missing'
export type KeyLevel = 'exact' | 'different' | 'missing'

/** What was compared; a field the register or the entry lacks is 'missing' (weight 0). */
export interface PersonComparison {
  /**
   * Platform + rider ID: exact for the roster, whose row is found by it; corroborated for a
   * party list row that the roster row reached by it describes too (corroborate.ts).
   */
  riderId: 'exact' | 'corroborated' | 'missing'
  /** Bits the roster chain adds (corroborationBits); only with riderId corroborated. */
  corroboration?: number
  idNumber: IdLevel
  mobile: KeyLevel
  name: NameComparison
  /** The register name's share of the register, for its term-frequency weight. */
  nameFrequency: number | null
}

export type ScoredFieldName = 'riderId' | 'idNumber' | 'mobile' | 'name'

export interface ScoredField {
  field: ScoredFieldName
  level: string
  weight: number
}

export interface PairScore {
  fields: ScoredField[]
  /** Prior plus every field's weight. */
  bits: number
  probability: number
}

export function nameWeight(weights: WeightSet, name: NameComparison, frequency: number | null) {
  const exact = nameExactWeight(weights, frequency)
  const w = weights.name
  const byLevel = {
    exact,
    normalised: exact - w.normalisedBelowExact,
    homophone: Math.min(w.homophone, exact),
    close: w.close,
    different: w.different,
    missing: 0,
  }
  return byLevel[name.level]
}

export function scorePair(comparison: PersonComparison, weights: WeightSet): PairScore {
  const fields: ScoredField[] = [
    {
      field: 'riderId',
      level: comparison.riderId,
      weight:
        comparison.riderId === 'corroborated'
          ? (comparison.corroboration ?? 0)
          : keyWeight(comparison.riderId, weights.riderId.exact, 0),
    },
    {
      field: 'idNumber',
      level: comparison.idNumber,
      weight: idWeight(comparison.idNumber, weights),
    },
    {
      field: 'name',
      level: comparison.name.level,
      weight: nameWeight(weights, comparison.name, comparison.nameFrequency),
    },
    {
      field: 'mobile',
      level: comparison.mobile,
      weight: keyWeight(comparison.mobile, weights.mobile.exact, weights.mobile.different),
    },
  ]
  const bits = fields.reduce((sum, field) => sum + field.weight, weights.prior)
  return { fields, bits, probability: matchProbability(bits) }
}

function keyWeight(level: KeyLevel, exact: number, different: number): number {
  if (level === 'exact') return exact
  return level === 'different' ? different : 0
}

function idWeight(level: IdLevel, weights: WeightSet): number {
  if (level === 'corrected') return weights.idNumber.corrected
  return keyWeight(level, weights.idNumber.exact, weights.idNumber.different)
}
