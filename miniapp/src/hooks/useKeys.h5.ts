import { useEffect, useRef } from 'react'
import { openDialog } from '../desk/on-screen'

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
      if (typing(event.target) || openDialog() !== null) return
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

/**
 * Ctrl+Enter (⌘+Enter) sends a dialog's form, also from inside its text field, where plain
 * Enter is a new line.
 */
export function useSubmitKey(submit: () => void, enabled = true): void {
  const current = useRef(submit)
  current.current = submit
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.repeat) return
      event.preventDefault()
      current.current()
    }
    // Capture: the text field's own component may keep its keys from bubbling.
    document.addEventListener('keydown', onKey, true)
    return () => document.removeEventListener('keydown', onKey, true)
  }, [enabled])
}

/**
 * Puts the cursor in the text field inside `#id` once it is on screen: a dialog opened from
 * the keyboard to type a reason starts in its field. (Taro's `focus` on a textarea does not
 * reliably focus it when the component first mounts in a browser.)
 */
export function useFocusField(id: string): void {
  useEffect(() => {
    let tries = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const attempt = () => {
      const field = document.querySelector<HTMLElement>(`#${id} textarea, #${id} input`)
      if (field) field.focus()
      else if (++tries < 20) timer = setTimeout(attempt, 50)
    }
    attempt()
    return () => clearTimeout(timer)
  }, [id])
}
