import { type Decision, DecisionRequest } from '@djt/shared'
import Taro from '@tarojs/taro'
import { pendingChanged } from '../../desk/pending-changed'
import { showFailure } from '../../hooks/failure'
import { useMutation } from '../../hooks/useMutation'
import { ApiError } from '../../services/http'
import { decideMembership, type ReviewDetail } from '../../services/review'

export type NoteDecision = Exclude<Decision, 'verify'>

/** What each decision that needs words asks, and what its 确认 says will happen. */
export const noteDialogs: Record<NoteDecision, NoteDialogText> = {
  ask: {
    title: '退回补充',
    label: '请登记人补充的问题',
    placeholder: '如：骑手编号与平台名册不一致，请核对后重新提交',
    explanation: '登记人会在小程序中看到这个问题，补充后重新提交。',
    confirmText: '确认退回',
  },
  reject: {
    title: '核验不通过',
    label: '不通过的原因',
    placeholder: '如：党组织名单中无此人',
    explanation: '登记人会看到这个原因。',
    confirmText: '确认不通过',
  },
  revoke: {
    title: '撤销核验',
    label: '撤销的原因',
    placeholder: '如：党组织关系已转出',
    explanation: '已核验的党员身份将被撤销，登记人会看到这个原因。',
    confirmText: '确认撤销',
  },
}

/** The buttons that open each dialog. */
export const noteButtons: Record<NoteDecision, string> = {
  ask: '退回补充',
  reject: '不通过',
  revoke: '撤销核验',
}

export interface NoteDialogText {
  title: string
  label: string
  placeholder: string
  explanation: string
  confirmText: string
}

/** The note's problem by the shared rule (a reason of two characters at least), if any. */
export function noteProblem(decision: NoteDecision, note: string, version: number) {
  const parsed = DecisionRequest.safeParse({ decision, note, version }, { jitless: true })
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

/** Sends decisions with the version on screen; 通过 asks for a confirmation first. */
export function useDecision(
  detail: ReviewDetail,
  onDecided: (detail: ReviewDetail) => void,
  onStale: () => void,
) {
  const deciding = useMutation()
  const decide = async (decision: Decision, note?: string): Promise<boolean> => {
    const request = { decision, version: detail.version, ...(note ? { note } : {}) }
    const outcome = await deciding.run(async () => {
      onDecided(await decideMembership(detail.id, request))
      pendingChanged()
      await Taro.showToast({ title: '已处理', icon: 'success' })
    })
    if (!outcome.ok && outcome.error) await explain(outcome.error, onStale)
    return outcome.ok
  }
  const verify = async () => {
    const { confirm } = await Taro.showModal({
      title: '通过核验',
      content: '确认该登记信息属实，通过核验？登记人将看到“已核验”。',
      confirmText: '确认通过',
      cancelText: '再看看',
    })
    if (confirm) await decide('verify')
  }
  return { busy: deciding.busy, decide, verify }
}

/** A stale version reloads the entry and says so; anything else is shown as it came. */
async function explain(error: unknown, onStale: () => void): Promise<void> {
  if (error instanceof ApiError && error.code === 'conflict') {
    await Taro.showModal({
      title: '登记已变化',
      content: '这条登记刚被他人处理或被登记人修改，已重新加载最新内容，请再核对一遍。',
      showCancel: false,
      confirmText: '知道了',
    })
    onStale()
    return
  }
  await showFailure('处理失败', error)
}
