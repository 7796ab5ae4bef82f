import Taro from '@tarojs/taro'
import type { Dispatch, SetStateAction } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { removeLocalDraft } from '../../membership/local-draft'
import { mainPages } from '../../routes'
import { ApiError } from '../../services/http'
import { type MyMembership, saveMembership } from '../../services/memberships'
import {
  answerOf,
  errorsFromServer,
  type FieldErrors,
  firstErrorField,
  prepareSubmission,
  toSubmittable,
} from './form-model'
import type { FormState } from './useRegisterForm'

const CHECK_MESSAGE = '请按红色提示修改后再提交'

/** 保存草稿 and 提交: the server calls of the register page and what their answers change. */
export function useServerActions(
  userId: string | undefined,
  state: FormState,
  setState: Dispatch<SetStateAction<FormState>>,
  onSaved: () => void,
) {
  const sending = useMutation<'save' | 'submit'>()
  const busy = sending.running

  const showErrors = (errors: FieldErrors, message: string | null) => {
    setState((current) => ({ ...current, errors, message }))
    const first = state.draft && firstErrorField(state.draft.kind, errors)
    if (first)
      Taro.pageScrollTo({ selector: `#field-${first}`, duration: 300 }).catch(() => undefined)
  }
  const saved = (mine: MyMembership) => {
    onSaved()
    if (userId) removeLocalDraft(userId)
    setState((current) => ({ ...current, mine, answerPhoto: null, errors: {}, message: null }))
  }
  const run = async (kind: 'save' | 'submit', call: () => Promise<MyMembership>) => {
    const outcome = await sending.run(call, kind)
    if (outcome.ok) saved(outcome.value)
    else if (outcome.error) await explainFailure(outcome.error, showErrors)
    return outcome.ok ? outcome.value : null
  }

  const saveDraft = async (): Promise<MyMembership | null> => {
    if (!state.draft || sending.busy) return null
    const request = { action: 'save' as const, form: toSubmittable(state.draft) }
    const mine = await run('save', () => saveMembership({ ...request, ...answerOf(state) }))
    if (mine) await Taro.showToast({ title: '草稿已保存', icon: 'success' })
    return mine
  }

  const submit = async (): Promise<MyMembership | null> => {
    if (!state.draft || sending.busy) return null
    const prepared = prepareSubmission(state.draft, state.mine, state.answer, state.answerPhoto?.id)
    if (!prepared.ok) {
      showErrors(prepared.errors, CHECK_MESSAGE)
      return null
    }
    return run('submit', () => saveMembership(prepared.request))
  }

  return { busy, saveDraft, submit }
}

/** Field messages under their fields; consent leads to the privacy notice; the rest in words. */
async function explainFailure(
  error: unknown,
  showErrors: (errors: FieldErrors, message: string | null) => void,
): Promise<void> {
  if (error instanceof ApiError && error.code === 'privacy_consent_required') {
    const { confirm } = await Taro.showModal({
      title: '请先同意隐私保护指引',
      content: `${error.message}\n登记党员信息属于敏感个人信息，同意后才能保存。`,
      confirmText: '去查看',
      cancelText: '暂不',
    })
    if (confirm) await Taro.navigateTo({ url: mainPages.privacy })
    return
  }
  const { fields, message } = errorsFromServer(error)
  showErrors(fields, message)
}
