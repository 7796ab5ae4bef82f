// Fellegi–Sunter weights in bits, log2(m/u), per field and level of agreement. The
// starting set is LINKAGE.md's; `npm run linkage-weights -w server` re-estimates the u
// side from the registers and stores a new version (evidence records the one it used).

export interface WeightSet {
  version: number
  /** log2(λ/(1−λ)): one true match among about 20,000 county rows. */
  prior: number
  /** A register speaks for the entry only at or above this probability (precision ≥ 0.99). */
  threshold: number
  idNumber: { exact: number; corrected: number; different: number }
  mobile: { exact: number; different: number }
  /** Platform + rider ID: the roster's key. */
  riderId: { exact: number }
  name: {
    /** P(same name | same person), for the term-frequency weight log2(m / frequency). */
    m: number
    /** The exact weight lies between these: a very common name, a name seen once. */
    exactCommon: number
    exactRare: number
    /** Same after traditional→simplified folding: this much below the exact weight. */
    normalisedBelowExact: number
    homophone: number
    close: number
    different: number
  }
}

export const startingWeights: WeightSet = {
  version: 1,
  prior: -14.3,
  threshold: 0.995,
  idNumber: { exact: 19.9, corrected: 10.3, different: -6.1 },
  mobile: { exact: 15.2, different: -2.1 },
  riderId: { exact: 16.0 },
  name: {
    m: 0.9,
    exactCommon: 8.8,
    exactRare: 16.5,
    normalisedBelowExact: 1.0,
    homophone: 6.0,
    close: 3.0,
    different: -5.6,
  },
}

/**
 * Agreeing on a common name (王伟) says less than on a rare one: u is the name's share of
 * the register. Unknown share: the common end, so a missing count never adds evidence.
 */
export function nameExactWeight(weights: WeightSet, frequency: number | null): number {
  const { m, exactCommon, exactRare } = weights.name
  if (frequency === null || !(frequency > 0)) return exactCommon
  const bits = Math.log2(m / frequency)
  return Math.min(exactRare, Math.max(exactCommon, bits))
}

/** Prior plus the fields' weights, as a probability of one person. */
export function matchProbability(bits: number): number {
  return 1 / (1 + 2 ** -bits)
}
