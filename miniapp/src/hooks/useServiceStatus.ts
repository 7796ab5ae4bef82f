import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../services/http'
import { fetchServiceStatus, type ServiceStatus } from '../services/status'

export type ServiceStatusState =
  | { phase: 'loading' }
  | { phase: 'loaded'; status: ServiceStatus }
  | { phase: 'failed'; error: ApiError }

/** Loads `/status` on mount; `reload` asks again (the retry button). */
export function useServiceStatus(): { state: ServiceStatusState; reload: () => void } {
  const [state, setState] = useState<ServiceStatusState>({ phase: 'loading' })
  // Only the latest request may update the page, and never after it is gone.
  const latest = useRef(0)

  const reload = useCallback(() => {
    const id = ++latest.current
    setState({ phase: 'loading' })
    fetchServiceStatus().then(
      (status) => {
        if (id === latest.current) setState({ phase: 'loaded', status })
      },
      (error: unknown) => {
        if (id === latest.current) setState({ phase: 'failed', error: asApiError(error) })
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

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError({
    code: 'internal_error',
    message: '出现了意外错误',
    status: 0,
    cause: error,
  })
}
