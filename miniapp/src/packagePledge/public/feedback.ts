import { RateRequest, ReportRequest } from '@djt/shared'

export type Checked<T> = { ok: true; request: T } | { ok: false; problem: string }

/** A rating as the shared schema takes it: the comment left out when blank. */
export function checkRating(score: number | null, comment: string): Checked<RateRequest> {
  const text = comment.trim()
  const parsed = RateRequest.safeParse(
    { score: score ?? undefined, ...(text ? { comment: text } : {}) },
    { jitless: true },
  )
  if (parsed.success) return { ok: true, request: parsed.data }
  return { ok: false, problem: parsed.error.issues[0]?.message ?? '请检查后再提交' }
}

export function checkReport(text: string, photoId: string | undefined): Checked<ReportRequest> {
  const parsed = ReportRequest.safeParse(
    { text, ...(photoId ? { photoId } : {}) },
    { jitless: true },
  )
  if (parsed.success) return { ok: true, request: parsed.data }
  return { ok: false, problem: parsed.error.issues[0]?.message ?? '请检查后再提交' }
}
