import { MALFORMED_CODE_MESSAGE, type PublicPledge, type RatingSummary } from '@djt/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../services/http'
import { fetchPublicPledge } from '../../services/pledges'

export type PublicState =
  | { phase: 'loading' }
  | { phase: 'loaded'; pledge: PublicPledge }
  /** No such code: the plaque is not ours, or was never issued. Said as loudly as revoked. */
  | { phase: 'unknown'; message: string }
  /** Not a code at all (a typo, a torn plaque): to be checked, not called forged. */
  | { phase: 'malformed'; message: string }
  | { phase: 'failed'; message: string }

/** The public page's pledge by code; no sign-in involved. */
export function usePublicPledge(code: string | 'malformed' | null) {
  const [state, setState] = useState<PublicState>({ phase: 'loading' })
  const latest = useRef(0)

  const reload = useCallback(() => {
    const call = ++latest.current
    if (!code)
      return setState({ phase: 'malformed', message: '没有查验码：请扫描承诺牌上的二维码' })
    if (code === 'malformed')
      return setState({ phase: 'malformed', message: MALFORMED_CODE_MESSAGE })
    fetchPublicPledge(code).then(
      (pledge) => call === latest.current && setState({ phase: 'loaded', pledge }),
      (error: unknown) => {
        if (call !== latest.current) return
        const message = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        const status = error instanceof ApiError ? error.status : 0
        const phase = status === 404 ? 'unknown' : status === 400 ? 'malformed' : 'failed'
        setState({ phase, message })
      },
    )
  }, [code])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])

  /** A rating's answer carries the new average: shown without asking again. */
  const setRating = useCallback((rating: RatingSummary) => {
    setState((current) =>
      current.phase === 'loaded' ? { ...current, pledge: { ...current.pledge, rating } } : current,
    )
  }, [])
  return { state, reload, setRating }
}
