import { describe, expect, it, vi } from 'vitest'
import {
  createPrivacyQueue,
  installPrivacyListener,
  type PrivacyResolver,
} from '../../src/privacy/queue'

describe('privacy queue', () => {
  it('holds a request until the user answers, then answers every pending one', () => {
    const queue = createPrivacyQueue()
    const first = vi.fn<PrivacyResolver>()
    const second = vi.fn<PrivacyResolver>()

    queue.enqueue(first)
    queue.enqueue(second)
    expect(queue.isPending()).toBe(true)
    expect(first).not.toHaveBeenCalled()

    queue.answer({ event: 'agree', buttonId: 'privacy-agree-1' })

    expect(first).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree-1' })
    expect(second).toHaveBeenCalledWith({ event: 'agree', buttonId: 'privacy-agree-1' })
    expect(queue.isPending()).toBe(false)
  })

  it('passes a refusal on and answers each request only once', () => {
    const queue = createPrivacyQueue()
    const resolve = vi.fn<PrivacyResolver>()

    queue.enqueue(resolve)
    queue.answer({ event: 'disagree' })
    queue.answer({ event: 'agree', buttonId: 'late' })

    expect(resolve).toHaveBeenCalledTimes(1)
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
  })

  it('reports exposure once per request when the sheet shows', () => {
    const queue = createPrivacyQueue()
    const first = vi.fn<PrivacyResolver>()
    const second = vi.fn<PrivacyResolver>()

    queue.enqueue(first)
    queue.markShown()
    queue.enqueue(second)
    queue.markShown()

    expect(first).toHaveBeenCalledTimes(1)
    expect(first).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(second).toHaveBeenCalledTimes(1)
  })

  it('tells subscribers when a request starts and ends waiting, until they leave', () => {
    const queue = createPrivacyQueue()
    const listener = vi.fn()
    const unsubscribe = queue.subscribe(listener)

    queue.enqueue(vi.fn())
    queue.answer({ event: 'disagree' })
    unsubscribe()
    queue.enqueue(vi.fn())

    expect(listener.mock.calls).toEqual([[true], [false]])
  })
})

describe('installPrivacyListener', () => {
  it("feeds WeChat's privacy requests into the queue", () => {
    const queue = createPrivacyQueue()
    let wechatListener: ((resolve: PrivacyResolver) => void) | undefined
    const installed = installPrivacyListener((listener) => {
      wechatListener = listener
    }, queue)

    const resolve = vi.fn<PrivacyResolver>()
    wechatListener?.(resolve)

    expect(installed).toBe(true)
    expect(queue.isPending()).toBe(true)
  })

  it('does nothing where the API is missing (H5, old WeChat base libraries)', () => {
    expect(installPrivacyListener(undefined, createPrivacyQueue())).toBe(false)
  })
})
