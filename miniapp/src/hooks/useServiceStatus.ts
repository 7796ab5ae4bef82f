import { useEffect } from 'react'
import type { ApiError } from '../services/http'
import { fetchServiceStatus, type ServiceStatus } from '../services/status'
import { rememberDemoMode } from './useDemoMode'
import { useRemote } from './useRemote'

export type ServiceStatusState =
  | { phase: 'loading' }
  | { phase: 'loaded'; status: ServiceStatus }
  | { phase: 'failed'; error: ApiError }

/** Loads `/status` on mount; `reload` asks again (the retry button). */
export function useServiceStatus(): { state: ServiceStatusState; reload: () => void } {
  const { state, reload } = useRemote(fetchServiceStatus)
  const demo = state.phase === 'loaded' ? state.value.demo : null
  useEffect(() => {
    if (demo !== null) rememberDemoMode(demo)
  }, [demo])
  return {
    state: state.phase === 'loaded' ? { phase: 'loaded', status: state.value } : state,
    reload,
  }
}
