import type { MyPledgeAnswer, PledgeTemplate } from '@djt/shared'
import Taro, { useDidHide, useUnload } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useMutation } from '../../hooks/useMutation'
import { ApiError } from '../../services/http'
import { fetchMyPledge, fetchPledgeTemplates, submitPledge } from '../../services/pledges'
import {
  checkForm,
  errorsFromServer,
  type FormErrors,
  firstErrorKey,
  type PledgeForm,
} from './form-model'
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
const CHECK_MESSAGE = '请按红色提示修改后再提交'

/** The pledge form: started from the phone's draft, the last version or the registration. */
export function usePledgeForm(userId: string | undefined) {
  const [state, setState] = useState<EditState>({ phase: 'loading' })
  const [form, setForm] = useState<PledgeForm | null>(null)
  const [errors, setErrors] = useState<FormErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const sending = useMutation()
  const local = useLocalPledgeSave(userId)

  useEffect(() => {
    if (!userId) return
    let live = true
    void load(userId).then((start) => {
      if (!live) return
      setState(start.state)
      setForm(start.form)
    })
    return () => {
      live = false
    }
  }, [userId])

  /** Every change is kept on the phone; a field's error goes once it is touched. */
  const change = (next: PledgeForm, touched: string[]) => {
    setForm(next)
    local.schedule(next)
    setErrors((current) => {
      const rest = { ...current }
      for (const key of touched) delete rest[key]
      return rest
    })
  }

  const submit = async (): Promise<boolean> => {
    if (!form || sending.busy) return false
    const check = checkForm(form)
    if (!check.ok) {
      show(form, check.errors, CHECK_MESSAGE)
      return false
    }
    const outcome = await sending.run(() => submitPledge(check.content))
    if (outcome.ok) {
      local.cancel()
      if (userId) removePledgeDraft(userId)
    } else if (outcome.error) {
      const explained = errorsFromServer(outcome.error, check.rowOf)
      show(form, explained.errors, explained.message)
    }
    return outcome.ok
  }

  const show = (shown: PledgeForm, found: FormErrors, text: string | null) => {
    setErrors(found)
    setMessage(text)
    const first = firstErrorKey(shown, found)
    const selector = first ? `#pledge-${first.replace('.', '-')}` : '#pledge-message'
    Taro.pageScrollTo({ selector, duration: 300 }).catch(() => undefined)
  }

  return { state, form, errors, message, busy: sending.busy, change, submit }
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
