import { MembershipDraft, type MyMembership } from '@djt/shared'
import Taro from '@tarojs/taro'
import { z } from 'zod'

/** What the phone keeps between visits: the form as typed and the reply being written. */
const LocalDraft = z.object({
  savedAt: z.string(),
  form: MembershipDraft,
  answer: z.string().catch(''),
})
export type LocalDraft = z.infer<typeof LocalDraft>

// One key per account: someone else signing in on the same phone sees nothing of it.
const keyFor = (userId: string) => `djt.membershipDraft.${userId}`

export function readLocalDraft(userId: string): LocalDraft | null {
  try {
    const parsed = LocalDraft.safeParse(Taro.getStorageSync(keyFor(userId)), { jitless: true })
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Saves the form on this phone. The ID number stays out: it is held only on the server,
 * encrypted, and the phone's storage is not.
 */
export function writeLocalDraft(
  userId: string,
  form: MembershipDraft,
  answer: string,
  now = new Date(),
): void {
  const kept: MembershipDraft = { ...form }
  delete kept.idNumber
  const draft: LocalDraft = { savedAt: now.toISOString(), form: kept, answer }
  try {
    Taro.setStorageSync(keyFor(userId), draft)
  } catch {
    // Storage full or refused: the 保存草稿 button still keeps it on the server.
  }
}

export function removeLocalDraft(userId: string): void {
  try {
    Taro.removeStorageSync(keyFor(userId))
  } catch {
    // Nothing to undo: a draft that cannot be removed is replaced on the next save.
  }
}

export interface StartingDraft {
  form: MembershipDraft | null
  answer: string
  /** Where the form came from, to tell the person. */
  source: 'local' | 'server' | 'none'
  savedAt: string | null
}

/** The phone's draft when it is newer than the server's entry, else the server's entry. */
export function pickStartingDraft(
  local: LocalDraft | null,
  mine: MyMembership | null,
): StartingDraft {
  const localIsNewer = local && (!mine || Date.parse(local.savedAt) > Date.parse(mine.updatedAt))
  if (local && localIsNewer && (!mine || mine.kind === local.form.kind)) {
    return { form: local.form, answer: local.answer, source: 'local', savedAt: local.savedAt }
  }
  if (mine) {
    return {
      form: { ...mine.form, kind: mine.kind },
      answer: '',
      source: 'server',
      savedAt: mine.updatedAt,
    }
  }
  return { form: null, answer: '', source: 'none', savedAt: null }
}
