import type { MembershipDraft, MyMembership } from '@djt/shared'
import Taro from '@tarojs/taro'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useZodForm } from '../../src/forms/useZodForm'
import {
  pickStartingDraft,
  readLocalDraft,
  removeLocalDraft,
  writeLocalDraft,
} from '../../src/membership/local-draft'
import {
  newDraft,
  registerChecks,
  toSubmittable,
  valuesOf,
} from '../../src/packageMember/register/form-model'
import { ApiError } from '../../src/services/http'
import { myMembership, riderForm } from '../membership-fixtures'
import { storage } from '../mocks/taro'

const nothingStored = null
const mobileStored = { mobileMasked: '138****5678', state: 'draft' } as const

/** The register form in useZodForm, checked once: what passed, or each field's message. */
function formFor(
  draft: MembershipDraft,
  stored: Pick<MyMembership, 'mobileMasked' | 'state'> | null,
  answer = '',
) {
  const { result } = renderHook(() =>
    useZodForm({ ...registerChecks(stored), initial: valuesOf(draft, answer) }),
  )
  return result
}

function checkForSubmit(
  draft: MembershipDraft,
  stored: Pick<MyMembership, 'mobileMasked' | 'state'> | null,
  answer = '',
) {
  const result = formFor(draft, stored, answer)
  const checked: { form: unknown } = { form: null }
  act(() => {
    checked.form = result.current.validate()
  })
  return checked.form
    ? { ok: true as const, form: checked.form }
    : { ok: false as const, errors: result.current.errors, message: result.current.message }
}

describe('client-side check with the shared schema', () => {
  it('names every missing field of a new rider form in Chinese', () => {
    const check = checkForSubmit(newDraft('rider'), nothingStored)

    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors).toMatchObject({
      name: '请填写姓名',
      mobile: '请填写手机号',
      platform: '请选择配送平台',
      riderId: '请填写骑手编号',
      workRegionCode: '请选择工作地区',
      orgRegionCode: '请选择组织关系所在地区',
      memberType: '请选择正式或预备党员',
      joinedOn: '请选择入党日期',
    })
    expect(check.errors.idNumber).toBeUndefined()
    expect(check.message).toBe('请按红色提示修改后再提交')
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#field-name', duration: 300 })
  })

  it('passes a complete form, trimmed and with +86 removed, and ignores an empty ID number', () => {
    const check = checkForSubmit(
      riderForm({ name: ' 陈小明 ', mobile: '+86 13812345678', idNumber: '' }),
      nothingStored,
    )

    expect(check).toEqual({
      ok: true,
      form: riderForm({ name: '陈小明', mobile: '13812345678' }),
    })
  })

  it('checks a wrong ID number and a future join date with the shared messages', () => {
    const check = checkForSubmit(
      riderForm({ idNumber: '350102199001011235', joinedOn: '2999-01-01' }),
      nothingStored,
    )

    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors.idNumber).toBe('身份证号校验位不正确')
    expect(check.errors.joinedOn).toBe('入党日期不能晚于今天')
  })

  it('keeps a stored mobile left empty: checks the rest and sends no mobile', () => {
    const check = checkForSubmit(riderForm({ mobile: '' }), mobileStored)

    expect(check.ok).toBe(true)
    if (check.ok) expect(check.form).not.toHaveProperty('mobile')
    const wrong = checkForSubmit(riderForm({ mobile: '1381234' }), mobileStored)
    expect(wrong.ok ? {} : wrong.errors).toEqual({ mobile: expect.stringContaining('手机号') })
  })

  it('asks for the reply while a staff question waits, and only then', () => {
    const long = '说'.repeat(501)
    const asked = { mobileMasked: null, state: 'needs_info' } as const
    const check = checkForSubmit(riderForm({ name: '' }), asked, long)
    expect(check.ok ? {} : check.errors).toEqual({
      name: '请填写姓名',
      answer: '补充说明不能超过500个字',
    })
    expect(checkForSubmit(riderForm(), nothingStored, long).ok).toBe(true)
  })

  it('asks for the platform name only when the platform is 其他', () => {
    const check = checkForSubmit(riderForm({ platform: 'other' }), nothingStored)

    expect(check.ok ? {} : check.errors).toEqual({ platformOther: '请填写平台名称' })
  })

  it('reads a market opener’s counts and coordinates typed as text as numbers', () => {
    const draft = {
      kind: 'market_opener' as const,
      stallCount: '120',
      memberStallOwnerCount: '130',
      location: { lat: '26.08', lng: '' },
    }
    expect(toSubmittable(draft)).toEqual({
      kind: 'market_opener',
      stallCount: 120,
      memberStallOwnerCount: 130,
      location: { lat: 26.08 },
    })

    const check = checkForSubmit(draft, nothingStored)
    expect(check.ok ? {} : check.errors).toMatchObject({
      location: '缺少经度',
      regionCode: '请选择所在地区',
    })
  })

  it('checks across fields once the fields themselves are right', () => {
    const market = {
      kind: 'market_opener' as const,
      contactName: '林大海',
      mobile: '13812345678',
      marketName: '东街农贸市场',
      address: '鼓楼区东街1号',
      location: { lat: '26.08', lng: '119.30' },
      regionCode: '350102',
      stallCount: '120',
      memberStallOwnerCount: '130',
      orgForm: 'joint_branch',
    }

    const check = checkForSubmit(market, nothingStored)

    expect(check.ok ? {} : check.errors).toEqual({
      memberStallOwnerCount: '党员经营户数不能多于摊位数',
      orgName: '请填写党组织名称',
    })
  })
})

describe('server field errors', () => {
  it('puts body.form.<field> and body.answer under their fields', () => {
    const error = new ApiError({
      code: 'validation_failed',
      message: '请检查填写的内容',
      status: 400,
      fields: [
        { field: 'body.form.riderId', message: '骑手编号已被登记' },
        { field: 'body.answer', message: '补充说明不能超过500个字' },
        { field: 'body.answerPhotoId', message: '照片编号格式不正确' },
      ],
    })
    const result = formFor(riderForm(), nothingStored)
    act(() => result.current.fail(error))

    expect(result.current.errors).toEqual({
      riderId: '骑手编号已被登记',
      answer: '补充说明不能超过500个字',
      answerPhoto: '照片编号格式不正确',
    })
    expect(result.current.message).toBeNull()
  })

  it('keeps a message that names no field (a conflict)', () => {
    const error = new ApiError({ code: 'conflict', message: '已核验的登记不能修改', status: 409 })
    const result = formFor(riderForm(), nothingStored)
    act(() => result.current.fail(error))

    expect(result.current.errors).toEqual({})
    expect(result.current.message).toBe('已核验的登记不能修改')
  })
})

describe('the draft on the phone', () => {
  it('is kept per account, without the ID number', () => {
    writeLocalDraft('u1', riderForm({ idNumber: '11010519491231002X' }), '答复', new Date(0))

    const read = readLocalDraft('u1')
    expect(read?.form).toEqual(riderForm())
    expect(read?.answer).toBe('答复')
    expect(JSON.stringify([...storage.values()])).not.toContain('11010519491231002X')
    expect(readLocalDraft('u2')).toBeNull()

    removeLocalDraft('u1')
    expect(readLocalDraft('u1')).toBeNull()
  })

  it('ignores damaged storage', () => {
    storage.set('djt.membershipDraft.u1', { savedAt: 3, form: 'x' })

    expect(readLocalDraft('u1')).toBeNull()
  })

  it('wins over the server entry only when it is newer', () => {
    const mine = myMembership({ updatedAt: '2026-11-05T02:00:00.000Z' })
    const older = {
      savedAt: '2026-11-05T01:00:00.000Z',
      form: riderForm({ name: '旧' }),
      answer: '',
    }
    const newer = { ...older, savedAt: '2026-11-05T03:00:00.000Z', form: riderForm({ name: '新' }) }

    expect(pickStartingDraft(newer, mine)).toMatchObject({ source: 'local', form: { name: '新' } })
    expect(pickStartingDraft(older, mine)).toMatchObject({
      source: 'server',
      form: { name: '陈小明' },
    })
    expect(pickStartingDraft(older, null)).toMatchObject({ source: 'local' })
    expect(pickStartingDraft(null, null)).toEqual({
      form: null,
      answer: '',
      source: 'none',
      savedAt: null,
    })
  })
})
