import { BUSINESS_STARTING_WEIGHTS, type LinkageWeights } from '@djt/shared'

// Fellegi–Sunter weights in bits, log2(m/u), per field and level of agreement. The
// starting set is LINKAGE.md's; `npm run linkage-weights -w server` re-estimates the u
// side from the registers and stores a new version (evidence records the one it used).

/** The shape stored in linkage_weights (shared: the jsonb column is typed by it). */
export type WeightSet = LinkageWeights

/**
 * LINKAGE.md's figures. Not given there: platform + rider ID (u ≈ 1 in 200,000 roster rows:
 * +18), a name one character off (m ≈ 0.03, u ≈ 0.001: +4.5), the threshold (0.99: the
 * probability 强 needs, checked for precision by scripts/bench/linkage.mjs).
 */
export const startingWeights: WeightSet = {
  version: 1,
  prior: -14.3,
  threshold: 0.99,
  idNumber: { exact: 19.9, corrected: 10.3, different: -6.1 },
  mobile: { exact: 15.2, different: -2.1 },
  riderId: { exact: 18.0 },
  name: {
    m: 0.9,
    exactCommon: 8.8,
    exactRare: 16.5,
    normalisedBelowExact: 1.0,
    homophone: 6.0,
    close: 4.5,
    different: -5.6,
  },
  // Not in LINKAGE.md: a USCC carries a check character and names about 1 in 10^6
  // businesses (+19.9); a business name agreeing +9, abbreviated or one character off +4,
  // another name −4 (names change more often than codes); the county +1 / −1.
  business: BUSINESS_STARTING_WEIGHTS,
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
