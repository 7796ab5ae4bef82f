import { TrainingSessionRequest } from '@djt/shared'
import Taro from '@tarojs/taro'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useZodForm } from '../../src/forms/useZodForm'
import { ApiError } from '../../src/services/http'

const blank = { heldOn: '', title: '', attendees: '', organiser: '' }

/** The staff page's training form: text as typed, the number read for the schema. */
function useTrainingForm(initial = blank) {
  return useZodForm({
    schema: TrainingSessionRequest,
    initial,
    toInput: (values: typeof blank) => ({
      ...values,
      attendees: values.attendees.trim() === '' ? undefined : Number(values.attendees),
      organiser: values.organiser.trim() || undefined,
    }),
    scroll: { order: () => Object.keys(blank), selector: (field) => field && `#field-${field}` },
  })
}

describe('useZodForm', () => {
  it('puts the shared schema’s Chinese message under each field, and scrolls to the first', () => {
    const { result } = renderHook(() => useTrainingForm())
    let parsed: unknown = 'not yet'
    act(() => {
      parsed = result.current.validate()
    })
    expect(parsed).toBeNull()
    expect(result.current.errors.title).toMatch(/培训班名称/)
    expect(result.current.errors.attendees).toBe('请填写培训人数')
    expect(result.current.errors.organiser).toBeUndefined()
    expect(result.current.message).toBeNull()
    expect(result.current.touched).toMatchObject({ heldOn: true, title: true, attendees: true })
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#field-heldOn', duration: 300 })
  })

  it('returns what the schema parsed from the form as typed', () => {
    const { result } = renderHook(() => useTrainingForm())
    act(() => {
      result.current.set('heldOn', '2026-03-01')
      result.current.set('title', ' 小个专党组织书记培训班 ')
      result.current.set('attendees', '32')
    })
    let parsed: unknown
    act(() => {
      parsed = result.current.validate()
    })
    expect(parsed).toEqual({ heldOn: '2026-03-01', title: '小个专党组织书记培训班', attendees: 32 })
    expect(result.current.errors).toEqual({})
  })

  it('clears a field’s message when it is edited, and counts it touched and the form dirty', () => {
    const { result } = renderHook(() => useTrainingForm())
    act(() => {
      result.current.validate()
    })
    expect(result.current.dirty).toBe(false)
    act(() => result.current.set('attendees', '30'))
    expect(result.current.errors.attendees).toBeUndefined()
    expect(result.current.errors.title).toMatch(/培训班名称/)
    expect(result.current.values.attendees).toBe('30')
    expect(result.current.dirty).toBe(true)
  })

  it('resets to the start, or to the values it is given', () => {
    const { result } = renderHook(() => useTrainingForm())
    act(() => {
      result.current.set('title', '党务培训')
      result.current.validate()
    })
    act(() => result.current.reset())
    expect(result.current.values).toEqual(blank)
    expect(result.current.errors).toEqual({})
    expect(result.current.touched).toEqual({})
    expect(result.current.dirty).toBe(false)

    act(() => result.current.reset({ ...blank, heldOn: '2026-03-01' }))
    expect(result.current.values.heldOn).toBe('2026-03-01')
    expect(result.current.dirty).toBe(false)
  })

  it('sends only what passed, and puts the server’s field messages on their fields', async () => {
    const send = vi.fn(async () => {
      throw new ApiError({
        code: 'validation_failed',
        message: '请求参数有误',
        status: 400,
        fields: [{ field: 'body.title', message: '同名培训班已登记' }],
      })
    })
    const { result } = renderHook(() => useTrainingForm())
    await act(async () => {
      expect(await result.current.submit(send)).toBeNull()
    })
    expect(send).not.toHaveBeenCalled()

    act(() => {
      result.current.set('heldOn', '2026-03-01')
      result.current.set('title', '党务培训')
      result.current.set('attendees', '30')
    })
    await act(async () => {
      await result.current.submit(send)
    })
    expect(send).toHaveBeenCalledWith({ heldOn: '2026-03-01', title: '党务培训', attendees: 30 })
    expect(result.current.errors.title).toBe('同名培训班已登记')
    expect(result.current.message).toBeNull()
    expect(result.current.busy).toBe(false)
  })

  it('says a failure that names no field as the form’s message', async () => {
    const offline = new ApiError({ code: 'network_error', message: '网络连接失败', status: 0 })
    const { result } = renderHook(() =>
      useTrainingForm({ heldOn: '2026-03-01', title: '党务培训', attendees: '30', organiser: '' }),
    )
    await act(async () => {
      await result.current.submit(() => Promise.reject(offline))
    })
    expect(result.current.message).toBe('网络连接失败')
    expect(result.current.errors).toEqual({})
  })
})
