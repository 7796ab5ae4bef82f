import type { PrivacyNotice } from '@djt/shared'
import { fetchPrivacyNotice } from '../services/me'
import { useRemote } from './useRemote'

export type PrivacyNoticeState =
  | { phase: 'loading' }
  | { phase: 'loaded'; notice: PrivacyNotice }
  | { phase: 'failed'; message: string }

/** Loads the current privacy notice on mount; `reload` asks again (the retry button). */
export function usePrivacyNotice(): { state: PrivacyNoticeState; reload: () => void } {
  const { state, reload } = useRemote(fetchPrivacyNotice)
  if (state.phase === 'loaded') return { state: { phase: 'loaded', notice: state.value }, reload }
  if (state.phase === 'failed')
    return { state: { phase: 'failed', message: state.error.message }, reload }
  return { state, reload }
}
