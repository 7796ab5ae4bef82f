import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '../services/http'
import { asApiError, showFailure } from './failure'

/** What a run came to; `error: null` when it was refused because another was in flight. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: ApiError | null }

export interface MutationOptions {
  /** How a failure is said: a dialog with this title, or the message in a toast. */
  failure?: { dialog: string } | 'toast'
  /** The message of a failure that is not the server's (a bug, a refused platform call). */
  fallback?: string
}

export interface Mutation<K> {
  busy: boolean
  /** The key the run in flight was given: which button or which row. */
  running: K | null
  /** The last run's failure, until the next run. */
  error: ApiError | null
  run: <R>(action: () => Promise<R>, key?: K) => Promise<Outcome<R>>
}

/**
 * One write at a time: `run` refuses while another is in flight (a double tap sends once),
 * keeps the failure as an ApiError, and touches no state once the component is gone.
 */
export function useMutation<K = never>(options: MutationOptions = {}): Mutation<K> {
  const [flight, setFlight] = useState<{ key: K | undefined } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  // A ref, not state: two taps in the same tick both see the first one's claim.
  const inFlight = useRef(false)
  const mounted = useRef(true)
  const settings = useRef(options)
  settings.current = options

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async <R>(action: () => Promise<R>, key?: K): Promise<Outcome<R>> => {
    if (inFlight.current) return { ok: false, error: null }
    inFlight.current = true
    setFlight({ key })
    setError(null)
    try {
      return { ok: true, value: await action() }
    } catch (thrown) {
      const failure = asApiError(thrown, settings.current.fallback)
      if (mounted.current) setError(failure)
      await tell(settings.current.failure, failure)
      return { ok: false, error: failure }
    } finally {
      inFlight.current = false
      if (mounted.current) setFlight(null)
    }
  }, [])

  return { busy: flight !== null, running: flight?.key ?? null, error, run }
}

async function tell(how: MutationOptions['failure'], failure: ApiError): Promise<void> {
  if (how === 'toast') void Taro.showToast({ title: failure.message, icon: 'none' })
  else if (how) await showFailure(how.dialog, failure)
}
