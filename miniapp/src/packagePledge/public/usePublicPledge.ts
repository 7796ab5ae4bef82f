import type { PublicPledge, RatingSummary } from '@djt/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../services/http'
import { fetchPublicPledge } from '../../services/pledges'

export type PublicState =
  | { phase: 'loading' }
  | { phase: 'loaded'; pledge: PublicPledge }
  /** No such code: the plaque is not ours, or was never issued. Said as loudly as revoked. */
  | { phase: 'unknown'; message: string }
  | { phase: 'failed'; message: string }

/** The public page's pledge by code; no sign-in involved. */
export function usePublicPledge(code: string | null) {
  const [state, setState] = useState<PublicState>({ phase: 'loading' })
  const latest = useRef(0)

  const reload = useCallback(() => {
    const call = ++latest.current
    if (!code)
      return setState({ phase: 'unknown', message: '二维码或编码不正确，未找到对应的承诺。' })
    fetchPublicPledge(code).then(
      (pledge) => call === latest.current && setState({ phase: 'loaded', pledge }),
      (error: unknown) => {
        if (call !== latest.current) return
        const message = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        const unknown = error instanceof ApiError && error.status === 404
        setState({ phase: unknown ? 'unknown' : 'failed', message })
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
