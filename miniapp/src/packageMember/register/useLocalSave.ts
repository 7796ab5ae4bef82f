import { useDidHide, useUnload } from '@tarojs/taro'
import { useCallback, useEffect, useRef } from 'react'
import { writeLocalDraft } from '../../membership/local-draft'
import type { MembershipDraft } from '../../services/memberships'

/** Typing is saved this long after the last key, not on every key (storage writes are slow). */
export const LOCAL_SAVE_DELAY_MS = 400

/**
 * Debounced saving of the form on the phone. Whatever is waiting is written at once when
 * the page hides or closes, so closing the app right after typing loses nothing.
 */
export function useLocalSave(userId: string | undefined) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pending = useRef<(() => void) | null>(null)

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const write = pending.current
    pending.current = null
    write?.()
  }, [])

  const schedule = useCallback(
    (form: MembershipDraft, answer: string) => {
      if (!userId) return
      pending.current = () => writeLocalDraft(userId, form, answer)
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, LOCAL_SAVE_DELAY_MS)
    },
    [userId, flush],
  )

  /** The server has the form now: nothing left to keep on the phone. */
  const cancel = useCallback(() => {
    clearTimeout(timer.current)
    pending.current = null
  }, [])

  useDidHide(flush)
  useUnload(flush)
  useEffect(() => flush, [flush])
  return { schedule, cancel }
}
