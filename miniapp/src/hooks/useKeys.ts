/** What a key does; keys are `KeyboardEvent.key` values (`a`, `ArrowDown`, `j`). */
export type KeyMap = Readonly<Record<string, () => void>>

/**
 * Keyboard shortcuts for a desk. A phone and the mini-program have no keyboard to read:
 * this build does nothing, and the browser's (`useKeys.h5.ts`) listens.
 */
export function useKeys(_keys: KeyMap, _enabled = true): void {}

/** Ctrl+Enter (⌘+Enter) sends a dialog's form from its text field; nothing without a keyboard. */
export function useSubmitKey(_submit: () => void, _enabled = true): void {}

/** Puts the cursor in the text field inside `#id` on show (a desk's keyboard); nothing here. */
export function useFocusField(_id: string): void {}
