// Whether a dialog is on screen, for the browser's keyboard handling (DeskShell.h5.tsx,
// hooks/useKeys.h5.ts). Only `.h5` files import this: it reads the DOM.

/** Laid out: a fixed element has no offsetParent, so its boxes are what tell. */
export function laidOut(element: Element | null): HTMLElement | null {
  return element instanceof HTMLElement && element.getClientRects().length > 0 ? element : null
}

/** Laid out and not fading out (Taro's modal fades for 200 ms after a button is pressed). */
export function visible(element: Element | null): HTMLElement | null {
  const shown = laidOut(element)
  return shown && shown.style.opacity !== '0' ? shown : null
}

/** The sheet or Taro modal on screen now, if any. */
export function openDialog(): HTMLElement | null {
  for (const element of Array.from(document.querySelectorAll('.sheet, .taro__modal'))) {
    const shown = visible(element)
    if (shown) return shown
  }
  return null
}
