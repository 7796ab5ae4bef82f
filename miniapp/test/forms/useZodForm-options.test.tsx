import Taro from '@tarojs/taro'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { useZodForm, type ZodFormOptions } from '../../src/forms/useZodForm'
import { ApiError } from '../../src/services/http'

/** A small contract in the shared schemas' manner: Chinese messages, a list of rows. */
const Contact = z.object({
  name: z.string().trim().min(1, '请填写姓名'),
  mobile: z.string().regex(/^1\d{10}$/, '请填写11位手机号'),
  region: z.string({ error: '地区格式不正确' }),
  items: z.array(z.object({ text: z.string().min(2, '至少2个字') })).min(1, '至少写一条'),
})
type Contact = z.infer<typeof Contact>

interface Typed {
  name: string
  mobile: string
  region?: string | undefined
  items: { text: string }[]
  note: string
}
const typed: Typed = {
  name: '陈小明',
  mobile: '13812345678',
  region: '350102',
  items: [{ text: '按时配送' }],
  note: '',
}

function useContactForm(extra: Partial<ZodFormOptions<Typed, Contact>> = {}, initial = typed) {
  return useZodForm<Typed, Contact>({ schema: Contact, initial, ...extra })
}

function validated(result: { current: { validate: () => Contact | null } }) {
  const seen: { value: Contact | null } = { value: null }
  act(() => {
    seen.value = result.current.validate()
  })
  return seen.value
}

describe('useZodForm: a check the schema cannot make (refine)', () => {
  it('joins its messages to the schema’s and refuses a form the schema alone would pass', () => {
    const refine = (values: Typed) =>
      values.note.trim() === '' ? { note: '请说明修改了什么' } : {}
    const { result } = renderHook(() => useContactForm({ refine }))
    expect(validated(result)).toBeNull()
    expect(result.current.errors).toEqual({ note: '请说明修改了什么' })

    act(() => result.current.set('name', ''))
    expect(validated(result)).toBeNull()
    expect(result.current.errors).toEqual({ name: '请填写姓名', note: '请说明修改了什么' })

    act(() => {
      result.current.set('name', '陈小明')
      result.current.set('note', '已更正')
    })
    expect(validated(result)).toMatchObject({ name: '陈小明' })
    expect(result.current.errors).toEqual({})
  })
})

describe('useZodForm: a value the server keeps and shows masked (kept)', () => {
  const kept = () => ({ mobile: '13800000000' })

  it('checks a blank kept field as its stand-in and leaves it out of what is sent', () => {
    const { result } = renderHook(() => useContactForm({ kept }, { ...typed, mobile: '' }))
    const value = validated(result)
    expect(value).toMatchObject({ name: '陈小明', region: '350102' })
    expect(value).not.toHaveProperty('mobile')
  })

  it('checks and sends a kept field the person typed again', () => {
    const { result } = renderHook(() => useContactForm({ kept }, { ...typed, mobile: '1381234' }))
    expect(validated(result)).toBeNull()
    expect(result.current.errors.mobile).toBe('请填写11位手机号')
    act(() => result.current.set('mobile', '13912345678'))
    expect(validated(result)).toMatchObject({ mobile: '13912345678' })
  })

  it('without the option, a blank field is the schema’s to refuse', () => {
    const { result } = renderHook(() => useContactForm({}, { ...typed, mobile: '' }))
    expect(validated(result)).toBeNull()
    expect(result.current.errors.mobile).toBe('请填写11位手机号')
  })
})

describe('useZodForm: messages said otherwise, and the form’s own message', () => {
  it('rewords a schema message (an unchosen picker) and says the check message', () => {
    const say = (field: string, message: string, values: Typed) =>
      field === 'region' && values.region === undefined ? '请选择地区' : message
    const { result } = renderHook(() =>
      useContactForm(
        {
          say,
          checkMessage: '请按红色提示修改后再提交',
          scroll: { order: () => ['name', 'region'], selector: (field) => field && `#f-${field}` },
        },
        { ...typed, region: undefined },
      ),
    )
    expect(validated(result)).toBeNull()
    expect(result.current.errors).toEqual({ region: '请选择地区' })
    expect(result.current.message).toBe('请按红色提示修改后再提交')
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({
      selector: '#f-region',
      duration: 300,
    })

    act(() => {
      result.current.set('region', '350102')
      result.current.set('name', ' ')
    })
    expect(validated(result)).toBeNull()
    expect(result.current.errors).toEqual({ name: '请填写姓名' })
  })
})

describe('useZodForm: a list field’s rows', () => {
  const rows = [{ text: '按时配送' }, { text: '好' }, { text: '文明' }, { text: '礼' }]

  it('puts a row’s message under `items.<row>`, the list’s under `items`', () => {
    const { result } = renderHook(() => useContactForm({}, { ...typed, items: rows }))
    expect(validated(result)).toBeNull()
    expect(result.current.errors).toEqual({ 'items.1': '至少2个字', 'items.3': '至少2个字' })

    act(() => result.current.set('items', []))
    expect(validated(result)).toBeNull()
    expect(result.current.errors).toEqual({ items: '至少写一条' })
  })

  it('clears the messages of the rows an edit changed, and keeps the others', () => {
    const { result } = renderHook(() => useContactForm({}, { ...typed, items: rows }))
    validated(result)
    // Row 1 removed: rows 2 and 3 move up, so their old messages no longer fit.
    act(() =>
      result.current.set(
        'items',
        rows.filter((_, i) => i !== 1),
      ),
    )
    expect(result.current.errors).toEqual({})

    act(() => result.current.set('items', rows))
    validated(result)
    act(() =>
      result.current.set(
        'items',
        rows.map((row, i) => (i === 1 ? { text: '好好' } : row)),
      ),
    )
    expect(result.current.errors).toEqual({ 'items.3': '至少2个字' })
  })

  it('places the server’s row messages on their rows', () => {
    const { result } = renderHook(() => useContactForm({}, { ...typed, items: rows }))
    act(() =>
      result.current.fail(
        new ApiError({
          code: 'validation_failed',
          message: '请检查填写的内容',
          status: 400,
          fields: [{ field: 'body.items.2.text', message: '含有不当用语' }],
        }),
      ),
    )
    expect(result.current.errors).toEqual({ 'items.2': '含有不当用语' })
  })
})

describe('useZodForm: following edits (onEdit)', () => {
  it('is told the values after each edit, and not after a reset', () => {
    const onEdit = vi.fn()
    const { result } = renderHook(() => useContactForm({ onEdit }))
    act(() => result.current.set('name', '陈'))
    act(() => result.current.set('note', '草稿'))
    expect(onEdit).toHaveBeenCalledTimes(2)
    expect(onEdit).toHaveBeenLastCalledWith({ ...typed, name: '陈', note: '草稿' })

    act(() => result.current.reset({ ...typed, name: '林' }))
    expect(onEdit).toHaveBeenCalledTimes(2)
    act(() => result.current.set('note', '再改'))
    expect(onEdit).toHaveBeenLastCalledWith({ ...typed, name: '林', note: '再改' })
  })

  it('keeps `reset` the same function between renders, so an effect may start the form', () => {
    const { result, rerender } = renderHook(() => useContactForm())
    const { reset } = result.current
    act(() => result.current.set('name', '陈'))
    rerender()
    expect(result.current.reset).toBe(reset)
  })
})
