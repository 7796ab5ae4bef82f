import type { z } from 'zod'

/** Names the first thing wrong with a value, in words a rider or stall owner understands. */
export type ProblemFinder = (value: string) => string | undefined

/** One problem finder serves both the pure check and the schema, so the two never disagree. */
export function reportProblem(findProblem: ProblemFinder) {
  return (value: string, ctx: z.RefinementCtx<string>): void => {
    const message = findProblem(value)
    if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: value })
  }
}
