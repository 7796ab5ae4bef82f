import { CheckinDecision } from '@djt/shared'

/** The shared rule: declining a check-in needs a reason of two characters or more. */
export function declineProblem(note: string): string | undefined {
  const parsed = CheckinDecision.safeParse(
    { decision: 'decline', note: note.trim() },
    { jitless: true },
  )
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}
