import type { MembershipKind } from '@djt/shared'
import { useEffect, useRef, useState } from 'react'
import { pickStartingDraft, readLocalDraft, type StartingDraft } from '../../membership/local-draft'
import { ApiError } from '../../services/http'
import {
  fetchMyMembership,
  type MembershipDraft,
  type MyMembership,
} from '../../services/memberships'
import type { FieldErrors } from './form-model'
import { newDraft } from './form-model'
import { useLocalSave } from './useLocalSave'
import { useServerActions } from './useServerActions'

export interface FormState {
  phase: 'loading' | 'ready'
  mine: MyMembership | null
  /** The server's entry could not be fetched: the phone's draft is shown meanwhile. */
  loadProblem: string | null
  draft: MembershipDraft | null
  answer: string
  /** A photo sent with the answer (uploaded already), e.g. a screenshot staff asked for. */
  answerPhoto: { id: string; preview: string } | null
  errors: FieldErrors
  message: string | null
  restored: Pick<StartingDraft, 'source' | 'savedAt'>
}

const LOADING: FormState = {
  phase: 'loading',
  mine: null,
  loadProblem: null,
  draft: null,
  answer: '',
  answerPhoto: null,
  errors: {},
  message: null,
  restored: { source: 'none', savedAt: null },
}

/**
 * The register page's form: restored from the phone or the server, saved on the phone as
 * it is typed, and saved or submitted to the server on request.
 */
export function useRegisterForm(userId: string | undefined) {
  const [state, setState] = useState<FormState>(LOADING)
  const dirty = useRef(false)
  const local = useLocalSave(userId)
  const { draft, answer } = state

  useEffect(() => {
    if (!userId) return
    let live = true
    void startingState(userId).then((start) => live && setState(start))
    return () => {
      live = false
    }
  }, [userId])

  const { schedule } = local
  useEffect(() => {
    if (dirty.current && draft) schedule(draft, answer)
  }, [draft, answer, schedule])

  const change = (patch: Partial<FormState>) => {
    dirty.current = true
    setState((current) => ({ ...current, ...patch }))
  }
  /** An edit clears that field's error: the person is fixing it. */
  const edit = (field: string, value: unknown) => {
    dirty.current = true
    setState((current) => {
      if (!current.draft) return current
      const errors = { ...current.errors }
      delete errors[field]
      return { ...current, draft: { ...current.draft, [field]: value }, errors }
    })
  }
  const server = useServerActions(userId, state, setState, () => {
    dirty.current = false
    local.cancel()
  })

  return {
    state,
    busy: server.busy,
    chooseKind: (kind: MembershipKind) =>
      change({ draft: newDraft(kind), errors: {}, message: null }),
    changeKind: () => change({ draft: null, errors: {}, message: null }),
    edit,
    setAnswer: (text: string) => change({ answer: text }),
    setAnswerPhoto: (photo: FormState['answerPhoto']) => change({ answerPhoto: photo }),
    saveDraft: server.saveDraft,
    submit: server.submit,
  }
}

/** The phone's draft or the server's entry, whichever is newer; the phone's alone offline. */
async function startingState(userId: string): Promise<FormState> {
  const saved = readLocalDraft(userId)
  let mine: MyMembership | null = null
  let loadProblem: string | null = null
  try {
    mine = await fetchMyMembership()
  } catch (error) {
    loadProblem = error instanceof ApiError ? error.message : '无法获取登记'
  }
  const { form, answer, source, savedAt } = pickStartingDraft(saved, mine)
  const restored = { source, savedAt }
  return { ...LOADING, phase: 'ready', mine, loadProblem, draft: form, answer, restored }
}
