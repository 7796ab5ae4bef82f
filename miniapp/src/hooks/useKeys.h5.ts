import { useEffect, useRef } from 'react'

/** What a key does; keys are `KeyboardEvent.key` values (`a`, `ArrowDown`, `j`). */
export type KeyMap = Readonly<Record<string, () => void>>

/**
 * Keyboard shortcuts while `enabled`: a key with no modifier runs its action, except while
 * the person types into a field or a dialog is open over the page (its own keys rule there).
 */
export function useKeys(keys: KeyMap, enabled = true): void {
  const current = useRef(keys)
  current.current = keys
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return
      if (typing(event.target) || dialogOpen()) return
      const action = current.current[event.key] ?? current.current[event.key.toLowerCase()]
      if (!action) return
      event.preventDefault()
      action()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enabled])
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/** Our sheets and dialogs, and Taro's own modal (showModal) while it is shown. */
function dialogOpen(): boolean {
  return Array.from(document.querySelectorAll('.sheet, .taro__modal')).some(
    // Both are fixed boxes, which have no offsetParent: their boxes tell whether they show.
    (element) => element.getClientRects().length > 0,
  )
}
