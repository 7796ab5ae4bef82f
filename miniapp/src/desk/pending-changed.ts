import Taro from '@tarojs/taro'

const EVENT = 'desk:pending-changed'

/** Says a decision was made: the menu's pending figures are read again. */
export function pendingChanged(): void {
  Taro.eventCenter.trigger(EVENT)
}

/** Follows `pendingChanged`; returns the unsubscribe. */
export function onPendingChanged(listener: () => void): () => void {
  Taro.eventCenter.on(EVENT, listener)
  return () => Taro.eventCenter.off(EVENT, listener)
}
