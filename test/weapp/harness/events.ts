import type { Located } from './tree.ts'
import type { ViewElement } from './view-layer.ts'

export interface MpEvent {
  type: string
  timeStamp: number
  target: { id: string; dataset: { sid: string } }
  currentTarget: { id: string; dataset: { sid: string } }
  detail: object
}

/**
 * The events WeChat hands the page's `eh` for one event on `found`: one for the element,
 * then, for a bubbling event (tap), one for each element above it that binds the event,
 * until one catches it. Taro finds its node from `currentTarget.dataset.sid`.
 */
export function deliveries(
  found: Located,
  type: string,
  detail: object,
  bubbles: boolean,
): MpEvent[] {
  const target = targetOf(found.element)
  const chain = bubbles ? [found.element, ...[...found.ancestors].reverse()] : [found.element]
  const events: MpEvent[] = []
  for (const element of chain) {
    const bound = element.attr?.[`bind${type}`] === 'eh'
    const caught = element.attr?.[`catch${type}`] === 'eh'
    if (!bound && !caught) continue
    events.push({ type, timeStamp: Date.now(), target, currentTarget: targetOf(element), detail })
    if (caught) break
  }
  return events
}

function targetOf(element: ViewElement) {
  const id = String(element.attr?.id ?? '')
  return { id, dataset: { sid: String(element.attr?.['data-sid'] ?? id) } }
}
