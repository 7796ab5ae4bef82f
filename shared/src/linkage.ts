import { z } from 'zod'

/**
 * Fellegi–Sunter weights in bits (log2 m/u) per field and level, one stored version each
 * (server table linkage_weights); evidence records the version it was computed with.
 */
/**
 * The business register (营业执照), whose row is found by the USCC the entry gives. Weights
 * stored before it was scored lack this part and read as these starting figures.
 */
export const BUSINESS_STARTING_WEIGHTS = {
  uscc: 19.9,
  nameExact: 9.0,
  nameNormalised: 8.0,
  nameClose: 4.0,
  nameDifferent: -4.0,
  regionExact: 1.0,
  regionDifferent: -1.0,
}

export const LinkageWeights = z.object({
  version: z.number().int().positive(),
  /** log2(λ/(1−λ)): how likely two rows are one person before any field is compared. */
  prior: z.number(),
  /** A register speaks for an entry only at or above this probability. */
  threshold: z.number().gt(0).lt(1),
  idNumber: z.object({ exact: z.number(), corrected: z.number(), different: z.number() }),
  mobile: z.object({ exact: z.number(), different: z.number() }),
  riderId: z.object({ exact: z.number() }),
  name: z.object({
    m: z.number().gt(0).max(1),
    exactCommon: z.number(),
    exactRare: z.number(),
    normalisedBelowExact: z.number(),
    homophone: z.number(),
    close: z.number(),
    different: z.number(),
  }),
  business: z
    .object({
      uscc: z.number(),
      nameExact: z.number(),
      nameNormalised: z.number(),
      nameClose: z.number(),
      nameDifferent: z.number(),
      regionExact: z.number(),
      regionDifferent: z.number(),
    })
    .default(BUSINESS_STARTING_WEIGHTS),
})
export type LinkageWeights = z.infer<typeof LinkageWeights>

/** A field's comparison level as the scorer names it (FieldComparison.level). */
export const LinkageLevel = z.enum([
  'exact',
  'normalised',
  'homophone',
  'close',
  'corrected',
  'corroborated',
  'different',
  'missing',
])
export type LinkageLevel = z.infer<typeof LinkageLevel>

/** How a clerk reads each level beside the field's name. */
export const linkageLevelNames: Record<LinkageLevel, string> = {
  exact: '一致',
  normalised: '规范化后一致（繁简、全半角）',
  homophone: '同音',
  close: '相近（一字之差）',
  corrected: '差一位（可能录入错误）',
  corroborated: '经平台名册佐证',
  different: '不同',
  missing: '未填写或名录未载',
}

/** A weight in bits as the evidence writes it: signed to one decimal, a real minus sign. */
export function weightText(weight: number): string {
  const abs = Math.abs(weight).toFixed(1)
  return weight < 0 ? `−${abs}` : `+${abs}`
}

/** A probability as the evidence writes it: 99.86%, and never 100% or 0% from rounding. */
export function probabilityText(probability: number): string {
  const shown = (probability * 100).toFixed(2)
  if (shown === '100.00') return '>99.99%'
  if (shown === '0.00') return '<0.01%'
  return `${shown}%`
}
