import type { MembershipForm, MembershipKind } from '@djt/shared'
import { useEffect, useState } from 'react'
import { useZodForm } from '../../forms/useZodForm'
import { pickStartingDraft, readLocalDraft, type StartingDraft } from '../../membership/local-draft'
import { ApiError } from '../../services/http'
import { fetchMyMembership, type MyMembership } from '../../services/memberships'
import {
  type AnswerPhoto,
  draftOf,
  newDraft,
  type RegisterValues,
  registerChecks,
  valuesOf,
} from './form-model'
import { useLocalSave } from './useLocalSave'
import { useServerActions } from './useServerActions'

/** What the page knows besides the form: the stored entry and where the form came from. */
export interface RegisterPage {
  phase: 'loading' | 'ready'
  mine: MyMembership | null
  /** The server's entry could not be fetched: the phone's draft is shown meanwhile. */
  loadProblem: string | null
  restored: Pick<StartingDraft, 'source' | 'savedAt'>
}

const LOADING: RegisterPage = {
  phase: 'loading',
  mine: null,
  loadProblem: null,
  restored: { source: 'none', savedAt: null },
}

/**
 * The register page's form, its values and messages in useZodForm: restored from the phone
 * or the server, saved on the phone as it is typed, saved or submitted to the server on request.
 */
export function useRegisterForm(userId: string | undefined) {
  const [page, setPage] = useState<RegisterPage>(LOADING)
  const local = useLocalSave(userId)
  const form = useZodForm<RegisterValues, MembershipForm>({
    ...registerChecks(page.mine),
    initial: valuesOf(null, ''),
    onEdit: (values) => {
      const draft = draftOf(values)
      if (draft) local.schedule(draft, values.answer)
    },
  })
  const { reset } = form

  useEffect(() => {
    if (!userId) return
    let live = true
    void startingState(userId).then((start) => {
      if (!live) return
      setPage(start.page)
      reset(valuesOf(start.form, start.answer))
    })
    return () => {
      live = false
    }
  }, [userId, reset])

  const server = useServerActions(userId, page, form, (mine) => {
    local.cancel()
    setPage((current) => ({ ...current, mine }))
  })
  const { values } = form
  /** A kind chosen is kept on the phone at once, like a field typed. */
  const chooseKind = (kind: MembershipKind) => {
    const draft = newDraft(kind)
    reset(valuesOf(draft, values.answer))
    local.schedule(draft, values.answer)
  }

  return {
    state: {
      ...page,
      draft: draftOf(values),
      answer: values.answer,
      answerPhoto: values.answerPhoto,
      errors: form.errors,
      message: form.message,
    },
    busy: server.busy,
    chooseKind,
    changeKind: () => reset(valuesOf(null, values.answer)),
    edit: (field: string, value: unknown) => form.set(field, value),
    setAnswer: (text: string) => form.set('answer', text),
    setAnswerPhoto: (photo: AnswerPhoto | null) => form.set('answerPhoto', photo),
    saveDraft: server.saveDraft,
    submit: server.submit,
  }
}

/** The phone's draft or the server's entry, whichever is newer; the phone's alone offline. */
async function startingState(userId: string) {
  const saved = readLocalDraft(userId)
  let mine: MyMembership | null = null
  let loadProblem: string | null = null
  try {
    mine = await fetchMyMembership()
  } catch (error) {
    loadProblem = error instanceof ApiError ? error.message : '无法获取登记'
  }
  const { form, answer, source, savedAt } = pickStartingDraft(saved, mine)
  const page: RegisterPage = { phase: 'ready', mine, loadProblem, restored: { source, savedAt } }
  return { page, form, answer }
}
