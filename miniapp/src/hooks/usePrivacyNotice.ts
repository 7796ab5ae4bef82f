import type { PrivacyNotice } from '@djt/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/http'
import { fetchPrivacyNotice } from '../services/me'

export type PrivacyNoticeState =
  | { phase: 'loading' }
  | { phase: 'loaded'; notice: PrivacyNotice }
  | { phase: 'failed'; message: string }

/** Loads the current privacy notice on mount; `reload` asks again (the retry button). */
export function usePrivacyNotice(): { state: PrivacyNoticeState; reload: () => void } {
  const [state, setState] = useState<PrivacyNoticeState>({ phase: 'loading' })
  // Only the latest request may update the page, and never after it is gone.
  const latest = useRef(0)

  const reload = useCallback(() => {
    const id = ++latest.current
    setState({ phase: 'loading' })
    fetchPrivacyNotice().then(
      (notice) => {
        if (id === latest.current) setState({ phase: 'loaded', notice })
      },
      (error: unknown) => {
        const message = error instanceof ApiError ? error.message : '加载失败，请稍后重试'
        if (id === latest.current) setState({ phase: 'failed', message })
      },
    )
  }, [])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])

  return { state, reload }
}
