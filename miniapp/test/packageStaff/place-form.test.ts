import type { PlaceInput } from '@djt/shared'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type FieldMessages, useZodForm } from '../../src/forms/useZodForm'
import {
  emptyPlaceForm,
  type PlaceForm,
  placeChecks,
  placeFormOf,
} from '../../src/packageStaff/places/form-model'
import {
  addRange,
  hoursDraftOf,
  newHoursDraft,
  removeRange,
  setRange,
  setSameEveryDay,
  toOpeningHours,
} from '../../src/packageStaff/places/hours-draft'
import { branchDetail, placeDetail } from '../place-fixtures'

/** The place form in useZodForm, checked once: the request body, or each field's message. */
function checkPlaceForm(
  form: PlaceForm,
): { ok: true; input: PlaceInput } | { ok: false; errors: FieldMessages; message: string | null } {
  const { result } = renderHook(() => useZodForm({ ...placeChecks, initial: form }))
  let input: PlaceInput | null = null
  act(() => {
    input = result.current.validate()
  })
  return input
    ? { ok: true, input }
    : { ok: false, errors: result.current.errors, message: result.current.message }
}

function filled(overrides: Partial<PlaceForm> = {}): PlaceForm {
  return {
    ...emptyPlaceForm(),
    name: '东街口爱心驿站',
    kind: 'care_station',
    address: '东街口百货大楼一层',
    regionCode: '350102',
    lat: '26.0872',
    lng: '119.2971',
    operator: 'union',
    ...overrides,
  }
}

describe('hours editor state', () => {
  it('copies one set to every day, and 24小时 clears the ranges', () => {
    const draft = setRange(newHoursDraft(), 0, 0, { open: '07:30' })
    const hours = toOpeningHours(draft)
    expect(hours.days).toHaveLength(7)
    expect(hours.days.every((day) => day[0]?.open === '07:30' && day[0]?.close === '20:00')).toBe(
      true,
    )
    expect(toOpeningHours({ ...draft, always: true })).toEqual({
      always: true,
      days: [[], [], [], [], [], [], []],
    })
  })

  it('gives each day its own ranges once "same every day" is off', () => {
    let draft = setSameEveryDay(newHoursDraft(), false)
    draft = addRange(draft, 5)
    draft = removeRange(removeRange(draft, 6, 0), 6, 0)
    const hours = toOpeningHours(draft)
    expect(hours.days[0]).toEqual([{ open: '08:00', close: '20:00' }])
    expect(hours.days[5]).toHaveLength(2)
    expect(hours.days[6]).toEqual([])
  })

  it('reads stored hours back as one set when every day is the same', () => {
    expect(hoursDraftOf(placeDetail().hours).sameEveryDay).toBe(true)
    const varied = {
      always: false,
      days: [[{ open: '08:00', close: '12:00' }], [], [], [], [], [], []],
    }
    expect(hoursDraftOf(varied).sameEveryDay).toBe(false)
  })
})

describe('place form', () => {
  it('builds the request body with numbers and 7 days', () => {
    const checked = checkPlaceForm(filled({ facilities: ['water'] }))
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.input.location).toEqual({ lat: 26.0872, lng: 119.2971 })
    expect(checked.input.hours.days).toHaveLength(7)
    expect(checked.input.branch).toBeUndefined()
  })

  it('puts a Chinese message under each wrong field', () => {
    const checked = checkPlaceForm({ ...emptyPlaceForm(), lat: '26.1', lng: 'abc' })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.errors.name).toBe('请填写场所名称')
    expect(checked.errors.kind).toBe('请选择场所类型')
    expect(checked.errors.location).toBe('经度应为数字')
    expect(checked.errors.operator).toBe('请选择运营方')
    expect(checked.message).toBe('请按提示修改后再保存')
  })

  it('names the day of a bad range', () => {
    const form = filled()
    form.hours = setRange(setSameEveryDay(form.hours, false), 2, 0, { close: '08:00' })
    const checked = checkPlaceForm(form)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.errors.hours).toBe('周三：开门和关门时间不能相同')
  })

  it('asks for the branch contact of a flow-member branch', () => {
    const checked = checkPlaceForm(filled({ kind: 'flow_branch' }))
    expect(checked.ok).toBe(false)
    if (!checked.ok) {
      expect(checked.errors['branch.contactName']).toBe('请填写联系人')
      expect(checked.errors['branch.contactPhone']).toBe('请填写联系电话')
    }
  })

  it('round-trips a stored branch through the form', () => {
    const checked = checkPlaceForm(placeFormOf(branchDetail()))
    expect(checked.ok).toBe(true)
    if (checked.ok) expect(checked.input.branch?.contactName).toBe('陈支书')
  })
})
