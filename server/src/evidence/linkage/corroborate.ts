// Transitive linkage through the platform roster. The entry reaches the roster row by its
// platform + rider ID; when that row and a party list row describe one person (same mobile,
// names compared), the chain entry = roster row = party row is evidence of its own:
// P(entry = party row) ≥ P(entry = roster row) · P(roster row = party row).
import type { PairScore } from './score.ts'

/** 1 − p of a score in bits, computed without losing it when p is within 1e-16 of 1. */
const doubt = (bits: number) => 1 / (1 + 2 ** bits)

/**
 * What the chain adds to the direct score, in bits (0 when it says no more): the weight
 * that brings prior + fields to the chained probability, so the explanation still sums.
 */
export function corroborationBits(
  direct: PairScore,
  entryToRoster: PairScore,
  rosterToParty: PairScore,
): number {
  const a = doubt(entryToRoster.bits)
  const b = doubt(rosterToParty.bits)
  const chainedDoubt = a + b - a * b
  const chainedBits = Math.log2((1 - chainedDoubt) / chainedDoubt)
  // Down to a tenth of a bit, as weights are shown: never more than the chain says.
  return Math.max(0, Math.floor((chainedBits - direct.bits) * 10) / 10)
}
