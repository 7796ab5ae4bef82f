import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/http'
import { asApiError } from './failure'

export type RemoteState<T> =
  | { phase: 'loading' }
  | { phase: 'loaded'; value: T }
  | { phase: 'failed'; error: ApiError }

/**
 * Loads once on mount; `reload` asks again (a retry button); `replace` shows a value an
 * action already answered with, without asking again.
 */
export function useRemote<T>(load: () => Promise<T>): {
  state: RemoteState<T>
  reload: () => void
  replace: (value: T) => void
} {
  const [state, setState] = useState<RemoteState<T>>({ phase: 'loading' })
  // Only the latest request may update the page, and never after it is gone.
  const latest = useRef(0)
  const loader = useRef(load)
  loader.current = load

  const reload = useCallback(() => {
    const id = ++latest.current
    setState({ phase: 'loading' })
    loader.current().then(
      (value) => {
        if (id === latest.current) setState({ phase: 'loaded', value })
      },
      (error: unknown) => {
        if (id === latest.current)
          setState({ phase: 'failed', error: asApiError(error, '出现了意外错误') })
      },
    )
  }, [])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])

  const replace = useCallback((value: T) => {
    latest.current++
    setState({ phase: 'loaded', value })
  }, [])

  return { state, reload, replace }
}

/** A page opened without the id it needs: said like any other failure to load. */
export function missingParameter(message: string): Promise<never> {
  return Promise.reject(new ApiError({ code: 'validation_failed', message, status: 0 }))
}
