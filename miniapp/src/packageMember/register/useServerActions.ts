import type { MembershipForm } from '@djt/shared'
import Taro from '@tarojs/taro'
import type { useZodForm } from '../../forms/useZodForm'
import { useMutation } from '../../hooks/useMutation'
import { removeLocalDraft } from '../../membership/local-draft'
import { mainPages } from '../../routes'
import type { ApiError } from '../../services/http'
import { type MyMembership, saveMembership } from '../../services/memberships'
import { answerOf, draftOf, type RegisterValues, submitRequest, toSubmittable } from './form-model'
import type { RegisterPage } from './useRegisterForm'

type RegisterForm = ReturnType<typeof useZodForm<RegisterValues, MembershipForm>>

/**
 * 保存草稿 and 提交: the server calls of the register page. Two buttons share one send, so
 * this runs the form's check and puts the server's messages on it around its own useMutation.
 */
export function useServerActions(
  userId: string | undefined,
  page: RegisterPage,
  form: RegisterForm,
  onSaved: (mine: MyMembership) => void,
) {
  const sending = useMutation<'save' | 'submit'>()
  const busy = sending.running

  const run = async (kind: 'save' | 'submit', call: () => Promise<MyMembership>) => {
    const outcome = await sending.run(call, kind)
    if (outcome.ok) {
      onSaved(outcome.value)
      if (userId) removeLocalDraft(userId)
      // What the server holds now is the form's new start; the photo went with it.
      form.resetFrom((values) => ({ ...values, answerPhoto: null }))
    } else if (outcome.error) await explainFailure(outcome.error, form)
    return outcome.ok ? outcome.value : null
  }

  const saveDraft = async (): Promise<MyMembership | null> => {
    const draft = draftOf(form.values)
    if (!draft || sending.busy) return null
    const request = { action: 'save' as const, form: toSubmittable(draft) }
    const answer = answerOf(page.mine, form.values.answer)
    const mine = await run('save', () => saveMembership({ ...request, ...answer }))
    if (mine) await Taro.showToast({ title: '草稿已保存', icon: 'success' })
    return mine
  }

  const submit = async (): Promise<MyMembership | null> => {
    if (!draftOf(form.values) || sending.busy) return null
    const checked = form.validate()
    if (!checked) return null
    const request = submitRequest(checked, form.values, page.mine)
    return run('submit', () => saveMembership(request))
  }

  return { busy, saveDraft, submit }
}

/** Field messages under their fields; consent leads to the privacy notice; the rest in words. */
async function explainFailure(error: ApiError, form: RegisterForm): Promise<void> {
  if (error.code === 'privacy_consent_required') {
    const { confirm } = await Taro.showModal({
      title: '请先同意隐私保护指引',
      content: `${error.message}\n登记党员信息属于敏感个人信息，同意后才能保存。`,
      confirmText: '去查看',
      cancelText: '暂不',
    })
    if (confirm) await Taro.navigateTo({ url: mainPages.privacy })
    return
  }
  form.fail(error)
}
