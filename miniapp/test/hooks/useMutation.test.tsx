import Taro from '@tarojs/taro'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useMutation } from '../../src/hooks/useMutation'
import { ApiError } from '../../src/services/http'

/** A promise the test settles when it wants: the request still in flight until then. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

const conflict = new ApiError({ code: 'conflict', message: '已被他人处理', status: 409 })

describe('useMutation', () => {
  it('is busy while the action runs and refuses a second run meanwhile', async () => {
    const answer = deferred<string>()
    const action = vi.fn(() => answer.promise)
    const { result } = renderHook(() => useMutation<string>())

    let first: Promise<unknown> = Promise.resolve()
    let second: unknown
    await act(async () => {
      first = result.current.run(action, 'row-1')
      // The double tap, before React has rendered the first one's busy state.
      second = await result.current.run(action, 'row-2')
    })
    expect(action).toHaveBeenCalledTimes(1)
    expect(second).toEqual({ ok: false, error: null })
    expect(result.current.busy).toBe(true)
    expect(result.current.running).toBe('row-1')

    await act(async () => {
      answer.resolve('sent')
      expect(await first).toEqual({ ok: true, value: 'sent' })
    })
    expect(result.current.busy).toBe(false)
    expect(result.current.running).toBeNull()
  })

  it('runs again once the first run has settled', async () => {
    const action = vi.fn(async () => 'sent')
    const { result } = renderHook(() => useMutation())
    await act(() => result.current.run(action))
    await act(() => result.current.run(action))
    expect(action).toHaveBeenCalledTimes(2)
  })

  it('keeps the failure as the services’ error, and clears it on the next run', async () => {
    const { result } = renderHook(() => useMutation())
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.run(() => Promise.reject(conflict))
    })
    expect(outcome).toEqual({ ok: false, error: conflict })
    expect(result.current.error).toBe(conflict)
    expect(result.current.busy).toBe(false)

    await act(() => result.current.run(async () => 'fine'))
    expect(result.current.error).toBeNull()
  })

  it('turns anything else thrown into an ApiError that says the fallback', async () => {
    const { result } = renderHook(() => useMutation({ fallback: '导出失败，请稍后重试' }))
    await act(() => result.current.run(() => Promise.reject(new TypeError('boom'))))
    expect(result.current.error).toBeInstanceOf(ApiError)
    expect(result.current.error?.message).toBe('导出失败，请稍后重试')
  })

  it('says a failure in the dialog or the toast it was asked for', async () => {
    const dialog = renderHook(() => useMutation({ failure: { dialog: '撤回失败' } }))
    await act(() => dialog.result.current.run(() => Promise.reject(conflict)))
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '撤回失败', content: '已被他人处理' }),
    )

    const toast = renderHook(() => useMutation({ failure: 'toast' }))
    await act(() => toast.result.current.run(() => Promise.reject(conflict)))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已被他人处理', icon: 'none' })
  })

  it('says nothing when no notice was asked for', async () => {
    const { result } = renderHook(() => useMutation())
    await act(() => result.current.run(() => Promise.reject(conflict)))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('settles when the component is gone before the answer', async () => {
    const answer = deferred<string>()
    const { result, unmount } = renderHook(() => useMutation())
    const run = result.current.run
    let pending: Promise<unknown> = Promise.resolve()
    act(() => {
      pending = run(() => answer.promise)
    })
    unmount()
    answer.reject(conflict)
    expect(await pending).toEqual({ ok: false, error: conflict })
    // Nothing stays claimed: a run after that is not refused.
    expect(await run(async () => 'again')).toEqual({ ok: true, value: 'again' })
  })
})
