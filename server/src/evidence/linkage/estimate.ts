// Re-estimating the u side of the weights (P(level | two different people)) from random
// pairs of register rows, as Splink does; m (P(level | one person)) stays as set here, so
// each weight becomes log2(m/u) with the registers' own u.
import { compareNames, type NameLevel } from './names.ts'
import type { WeightSet } from './weights.ts'

/** A register row as sampling reads it: blind indexes only. */
export interface SampledRow {
  nameNorm: string
  mobileBi: string | null
  idNumberBi: string | null
}

/** P(level | same person): the judgement kept from LINKAGE.md's trial. */
export const mProbabilities = {
  idNumber: { exact: 0.95, corrected: 0.01, different: 0.04 },
  mobile: { exact: 0.85, different: 0.15 },
  riderId: { exact: 0.98 },
  name: { normalised: 0.03, homophone: 0.03, close: 0.02, different: 0.02 },
} as const

export interface RegisterCounts {
  /** Distinct rows of the roster and the party list: u of an exact unique key is 1/size. */
  roster: number
  party: number
}

const bits = (m: number, u: number) => Math.round(Math.log2(m / u) * 10) / 10

/**
 * New weights from random pairs (consecutive rows of a random sample). A level seen in no
 * pair gets u = 1/(pairs + 1), never 0, so no weight is infinite.
 */
export function estimateWeights(
  base: WeightSet,
  sample: SampledRow[],
  counts: RegisterCounts,
  version: number,
): WeightSet {
  const pairs = Math.floor(sample.length / 2)
  if (pairs < 1) return { ...base, version }
  const floor = 1 / (pairs + 1)
  const names = new Map<NameLevel, number>()
  let bothMobiles = 0
  let sameMobile = 0
  let bothIds = 0
  let sameId = 0
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const a = sample[i]
    const b = sample[i + 1]
    if (!a || !b) continue
    const level = compareNames(a.nameNorm, b.nameNorm).level
    names.set(level, (names.get(level) ?? 0) + 1)
    if (a.mobileBi && b.mobileBi) {
      bothMobiles++
      if (a.mobileBi === b.mobileBi) sameMobile++
    }
    if (a.idNumberBi && b.idNumberBi) {
      bothIds++
      if (a.idNumberBi === b.idNumberBi) sameId++
    }
  }
  const u = (n: number, of: number) => Math.max(floor, of > 0 ? n / of : floor)
  const nameU = (level: NameLevel) => u(names.get(level) ?? 0, pairs)
  const m = mProbabilities
  return {
    ...base,
    version,
    idNumber: {
      exact: bits(m.idNumber.exact, 1 / Math.max(counts.party, 2)),
      // About ten valid corrections per ID: ten chances for a stranger to be one.
      corrected: bits(m.idNumber.corrected, Math.min(1, 10 / Math.max(counts.party, 2))),
      different: bits(m.idNumber.different, u(bothIds - sameId, bothIds)),
    },
    mobile: {
      exact: bits(m.mobile.exact, u(sameMobile, bothMobiles)),
      different: bits(m.mobile.different, u(bothMobiles - sameMobile, bothMobiles)),
    },
    riderId: { exact: bits(m.riderId.exact, 1 / Math.max(counts.roster, 2)) },
    name: {
      ...base.name,
      homophone: bits(m.name.homophone, nameU('homophone')),
      close: bits(m.name.close, nameU('close')),
      different: bits(m.name.different, nameU('different')),
    },
  }
}
