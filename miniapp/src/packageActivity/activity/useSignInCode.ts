import { useEffect, useRef, useState } from 'react'
import { asApiError } from '../../hooks/failure'
import { fetchSignInCode, type SignInCodeAnswer } from '../../services/activities'
import { refreshDelay } from './when'

export type SignInCodeState =
  | { phase: 'loading' }
  | { phase: 'shown'; code: SignInCodeAnswer }
  | { phase: 'failed'; message: string }

/**
 * The venue's sign-in code, asked again when it expires (every 30 s) while the page shows
 * it; a failure (outside the sign-in hours, offline) is asked again 30 s later.
 */
export function useSignInCode(activityId: string, enabled: boolean): SignInCodeState {
  const [state, setState] = useState<SignInCodeState>({ phase: 'loading' })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    if (!enabled) return
    let live = true
    const ask = async () => {
      let delay = 30_000
      try {
        const code = await fetchSignInCode(activityId)
        if (!live) return
        setState({ phase: 'shown', code })
        delay = refreshDelay(code.expiresAt, Date.now())
      } catch (error) {
        if (!live) return
        setState({ phase: 'failed', message: asApiError(error, '签到码获取失败').message })
      }
      timer.current = setTimeout(() => void ask(), delay)
    }
    void ask()
    return () => {
      live = false
      if (timer.current) clearTimeout(timer.current)
    }
  }, [activityId, enabled])
  return state
}
