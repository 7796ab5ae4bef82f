import type { MyPledgeAnswer } from '@djt/shared'
import Taro from '@tarojs/taro'
import { z } from 'zod'
import { formFromContent, type PledgeForm, withFreshRows } from './form-model'

/** The unsent form as kept on this phone between visits. */
const LocalPledgeDraft = z.object({
  savedAt: z.string(),
  form: z.object({
    displayName: z.string(),
    business: z.string(),
    stall: z.string(),
    role: z.string(),
    duties: z.string(),
    promises: z.array(
      z.object({
        templateId: z.string().optional(),
        text: z.string(),
        rowId: z.string().optional(),
      }),
    ),
    photoId: z.string().optional(),
  }),
})
export type LocalPledgeDraft = z.infer<typeof LocalPledgeDraft>

// One key per account: someone else signing in on this phone sees nothing of it.
const keyFor = (userId: string) => `djt.pledgeDraft.${userId}`

export function readPledgeDraft(userId: string): LocalPledgeDraft | null {
  try {
    const parsed = LocalPledgeDraft.safeParse(Taro.getStorageSync(keyFor(userId)), {
      jitless: true,
    })
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function writePledgeDraft(userId: string, form: PledgeForm, now = new Date()): void {
  try {
    Taro.setStorageSync(keyFor(userId), { savedAt: now.toISOString(), form })
  } catch {
    // Storage full or refused: the form is still on screen.
  }
}

export function removePledgeDraft(userId: string): void {
  try {
    Taro.removeStorageSync(keyFor(userId))
  } catch {
    // Replaced on the next save anyway.
  }
}

export interface StartingForm {
  form: PledgeForm
  /** Where it came from, to tell the member. */
  source: 'local' | 'version' | 'defaults'
  savedAt: string | null
}

/**
 * The phone's unsent draft when it is newer than the newest version sent; else that
 * version (an edit starts from what was last sent); else what the registration gives.
 */
export function startingForm(
  answer: Pick<MyPledgeAnswer, 'defaults' | 'pledge'>,
  local: LocalPledgeDraft | null,
): StartingForm {
  const latest = answer.pledge?.versions[0] ?? null
  const localIsNewer =
    local && (!latest || Date.parse(local.savedAt) > Date.parse(latest.submittedAt))
  if (local && localIsNewer) {
    return { form: withFreshRows(local.form), source: 'local', savedAt: local.savedAt }
  }
  if (latest) return { form: formFromContent(latest.content), source: 'version', savedAt: null }
  return { form: formFromContent(answer.defaults), source: 'defaults', savedAt: null }
}
