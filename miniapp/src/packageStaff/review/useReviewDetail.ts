import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../services/http'
import { fetchReviewDetail, type ReviewDetail } from '../../services/review'

export type DetailState =
  | { phase: 'loading' }
  | { phase: 'loaded'; detail: ReviewDetail }
  | { phase: 'failed'; message: string }

/** One entry for review; a decision's answer replaces it without another request. */
export function useReviewDetail(id: string | undefined) {
  const [state, setState] = useState<DetailState>({ phase: 'loading' })
  const latest = useRef(0)

  const reload = useCallback(() => {
    const call = ++latest.current
    if (!id) return setState({ phase: 'failed', message: '缺少登记编号' })
    setState({ phase: 'loading' })
    fetchReviewDetail(id).then(
      (detail) => call === latest.current && setState({ phase: 'loaded', detail }),
      (error: unknown) => {
        const message = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        if (call === latest.current) setState({ phase: 'failed', message })
      },
    )
  }, [id])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])

  const replace = useCallback((detail: ReviewDetail) => {
    latest.current++
    setState({ phase: 'loaded', detail })
  }, [])
  return { state, reload, replace }
}
