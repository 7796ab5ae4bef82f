import type { MyPledgeAnswer, PledgeTemplate } from '@djt/shared'
import { useDidHide, useUnload } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useZodForm } from '../../forms/useZodForm'
import { ApiError } from '../../services/http'
import { fetchMyPledge, fetchPledgeTemplates, submitPledge } from '../../services/pledges'
import { formFromContent, type PledgeForm, pledgeChecks } from './form-model'
import { readPledgeDraft, removePledgeDraft, startingForm, writePledgeDraft } from './local-draft'

export type EditState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ineligible'; answer: MyPledgeAnswer }
  | {
      phase: 'ready'
      answer: MyPledgeAnswer
      templates: PledgeTemplate[]
      restoredAt: string | null
    }

const SAVE_DELAY_MS = 400

/** The form as the page's parts use it: values, each field's message, and `set`. */
export type PledgeFormFields = ReturnType<typeof usePledgeForm>['form']

/** The pledge form: started from the phone's draft, the last version or the registration. */
export function usePledgeForm(userId: string | undefined) {
  const [state, setState] = useState<EditState>({ phase: 'loading' })
  const local = useLocalPledgeSave(userId)
  // Every edit is kept on the phone until the pledge is sent.
  const form = useZodForm({ ...pledgeChecks, initial: formFromContent({}), onEdit: local.schedule })
  const { reset } = form

  useEffect(() => {
    if (!userId) return
    let live = true
    void load(userId).then((start) => {
      if (!live) return
      setState(start.state)
      if (start.form) reset(start.form)
    })
    return () => {
      live = false
    }
  }, [userId, reset])

  /** Checks, sends, and forgets the phone's draft once the pledge is sent. */
  const submit = async (): Promise<boolean> => {
    const outcome = await form.submit(submitPledge)
    if (!outcome?.ok) return false
    local.cancel()
    if (userId) removePledgeDraft(userId)
    return true
  }

  return { state, form, submit }
}

async function load(userId: string): Promise<{ state: EditState; form: PledgeForm | null }> {
  try {
    const answer = await fetchMyPledge()
    if (!answer.eligible || !answer.kind)
      return { state: { phase: 'ineligible', answer }, form: null }
    const templates = await fetchPledgeTemplates(answer.kind)
    const start = startingForm(answer, readPledgeDraft(userId))
    const restoredAt = start.source === 'local' ? start.savedAt : null
    return { state: { phase: 'ready', answer, templates, restoredAt }, form: start.form }
  } catch (error) {
    const message = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
    return { state: { phase: 'failed', message }, form: null }
  }
}

/** Debounced writes to storage; whatever waits is written at once when the page hides. */
function useLocalPledgeSave(userId: string | undefined) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pending = useRef<PledgeForm | null>(null)

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const form = pending.current
    pending.current = null
    if (form && userId) writePledgeDraft(userId, form)
  }, [userId])
  const schedule = useCallback(
    (form: PledgeForm) => {
      pending.current = form
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, SAVE_DELAY_MS)
    },
    [flush],
  )
  const cancel = useCallback(() => {
    clearTimeout(timer.current)
    pending.current = null
  }, [])

  useDidHide(flush)
  useUnload(flush)
  useEffect(() => flush, [flush])
  return { schedule, cancel }
}
