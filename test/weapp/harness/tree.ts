import { type ViewElement, visibleTexts } from './view-layer.ts'

/** An element with the chain of elements above it, outermost first. */
export interface Located {
  element: ViewElement
  ancestors: ViewElement[]
}

/** Every element in document order, each with its ancestors. */
export function* elements(root: ViewElement, ancestors: ViewElement[] = []): Generator<Located> {
  for (const child of root.children) {
    if (typeof child === 'string') continue
    yield { element: child, ancestors: [...ancestors, root] }
    yield* elements(child, [...ancestors, root])
  }
}

/**
 * The first element showing `label` (its subtree's text joined; a RegExp need only match),
 * and within it the innermost one: where a finger on that text lands. With `after`, only
 * what follows the text `after` in document order (a field's own label) counts.
 */
export function findByText(
  root: ViewElement,
  label: string | RegExp,
  after?: string,
): Located | undefined {
  let seen = after === undefined
  let found: Located | undefined
  for (const located of elements(root)) {
    if (!seen) {
      seen = ownText(located.element) === after
      continue
    }
    if (found && !located.ancestors.includes(found.element)) break
    const text = visibleTexts(located.element).join('')
    if (typeof label === 'string' ? text === label : label.test(text)) found = located
  }
  return found
}

/** The first element of `tag` after the text `label` in document order (a field after its label). */
export function findAfterText(
  root: ViewElement,
  label: string,
  tag: string | readonly string[],
): Located | undefined {
  const tags: readonly string[] = typeof tag === 'string' ? [tag] : tag
  let seenLabel = false
  for (const located of elements(root)) {
    if (!seenLabel) seenLabel = ownText(located.element) === label
    else if (tags.includes(located.element.tag)) return located
  }
  return undefined
}

/** The first element of `tag` whose attribute `name` is `value`. */
export function findByAttr(
  root: ViewElement,
  tag: string,
  name: string,
  value: unknown,
): Located | undefined {
  for (const located of elements(root)) {
    if (located.element.tag === tag && located.element.attr?.[name] === value) return located
  }
  return undefined
}

/** The text directly inside an element (not its descendants'). */
function ownText(element: ViewElement): string {
  return element.children
    .filter((child) => typeof child === 'string')
    .join('')
    .trim()
}
