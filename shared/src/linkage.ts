import { z } from 'zod'

/**
 * Fellegi–Sunter weights in bits (log2 m/u) per field and level, one stored version each
 * (server table linkage_weights); evidence records the version it was computed with.
 */
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
})
export type LinkageWeights = z.infer<typeof LinkageWeights>
