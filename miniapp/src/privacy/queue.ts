/**
 * Privacy-authorization bookkeeping (WeChat, since 2023-09), free of Taro so it
 * can be tested directly. A privacy API (getLocation…) called before the user
 * agreed stays pending until every resolver WeChat handed us is answered.
 */

export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' }
type ResolveOption = PrivacyAnswer | { event: 'exposureAuthorization' }
export type PrivacyResolver = (option: ResolveOption) => void

export interface PrivacyQueue {
  /** Called from `onNeedPrivacyAuthorization`: holds the request until answered. */
  enqueue(resolve: PrivacyResolver): void
  /** Tells WeChat the sheet is on screen; once per pending request. */
  markShown(): void
  /** Answers every pending request with the user's choice. */
  answer(answer: PrivacyAnswer): void
  isPending(): boolean
  /** Listener gets whether a request is pending; returns an unsubscribe. */
  subscribe(listener: (pending: boolean) => void): () => void
}

export function createPrivacyQueue(): PrivacyQueue {
  let pending: { resolve: PrivacyResolver; shown: boolean }[] = []
  const listeners = new Set<(pending: boolean) => void>()
  const notify = () => {
    for (const listener of listeners) listener(pending.length > 0)
  }

  return {
    enqueue(resolve) {
      pending.push({ resolve, shown: false })
      notify()
    },
    markShown() {
      for (const request of pending) {
        if (request.shown) continue
        request.shown = true
        request.resolve({ event: 'exposureAuthorization' })
      }
    },
    answer(answer) {
      const answered = pending
      pending = []
      for (const request of answered) request.resolve(answer)
      notify()
    },
    isPending: () => pending.length > 0,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The app's single queue, fed by `installPrivacyListener` in app.ts. */
export const privacyQueue = createPrivacyQueue()

type NeedPrivacyListener = (resolve: PrivacyResolver) => void

/**
 * Routes WeChat's `onNeedPrivacyAuthorization` into the queue. `register` is
 * `Taro.onNeedPrivacyAuthorization`, passed in so this stays Taro-free.
 */
export function installPrivacyListener(
  register: ((listener: NeedPrivacyListener) => void) | undefined,
  queue: PrivacyQueue = privacyQueue,
): boolean {
  if (typeof register !== 'function') return false
  register((resolve) => queue.enqueue(resolve))
  return true
}
