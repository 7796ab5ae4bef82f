import { PledgeDecisionRequest, SuspendRequest } from '@djt/shared'

export type NoteDecision = 'return' | 'reject'

/** The comment's problem for a return or rejection, by the shared request's own rule. */
export function decisionCommentProblem(
  decision: NoteDecision,
  versionId: string,
  comment: string,
): string | undefined {
  const parsed = PledgeDecisionRequest.safeParse(
    { versionId, decision, comment: comment.trim() || undefined },
    { jitless: true },
  )
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

export function reasonProblem(reason: string): string | undefined {
  const parsed = SuspendRequest.safeParse({ reason }, { jitless: true })
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

export const decisionDialogs: Record<
  NoteDecision,
  { title: string; label: string; placeholder: string; explanation: string; confirmText: string }
> = {
  return: {
    title: '退回修改',
    label: '请写明要修改什么',
    placeholder: '如：第3条承诺过于笼统，请写明具体做法',
    explanation: '承诺人会看到你的意见，修改后重新提交。已公示的版本继续有效。',
    confirmText: '确认退回',
  },
  reject: {
    title: '不予通过',
    label: '原因',
    placeholder: '如：经营户名称与登记不符',
    explanation: '此版本不会公开，承诺人会看到你写的原因。',
    confirmText: '确认不予通过',
  },
}
