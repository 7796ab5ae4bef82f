import type { PledgeContent } from '@djt/shared'
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useZodForm } from '../../src/forms/useZodForm'
import {
  addOwnPromise,
  editPromise,
  fieldOfIssue,
  formFromContent,
  type PledgeForm,
  pledgeChecks,
  toggleTemplate,
} from '../../src/packagePledge/edit/form-model'
import {
  readPledgeDraft,
  startingForm,
  writePledgeDraft,
} from '../../src/packagePledge/edit/local-draft'
import { ApiError } from '../../src/services/http'
import {
  myPledge,
  myPledgeAnswer,
  pledgeVersion,
  TEMPLATE_HONEST,
  TEMPLATE_PRICES,
} from '../pledge-fixtures'

const honest = { id: TEMPLATE_HONEST, text: '诚信经营' }
const prices = { id: TEMPLATE_PRICES, text: '明码标价' }
/** The pledge form in useZodForm, checked once: what it would send, or its messages. */
function checkForm(form: PledgeForm) {
  const { result } = renderHook(() => useZodForm({ ...pledgeChecks, initial: form }))
  const checked: { content: PledgeContent | null } = { content: null }
  act(() => {
    checked.content = result.current.validate()
  })
  return { ...checked, errors: result.current.errors, message: result.current.message }
}

const filled = () =>
  formFromContent({
    displayName: '周师傅',
    business: '老周水果店',
    role: '党员经营户',
    duties: '带头诚信经营',
  })

describe('choosing promises', () => {
  it('adds a template on the first tap and takes it away on the second', () => {
    const once = toggleTemplate(filled(), honest)
    expect(once.promises.map((p) => [p.templateId, p.text])).toEqual([
      [TEMPLATE_HONEST, '诚信经营'],
    ])
    expect(toggleTemplate(once, honest).promises).toEqual([])
  })

  it('stops at eight promises', () => {
    let form = toggleTemplate(filled(), honest)
    for (let i = 0; i < 10; i++) form = addOwnPromise(form)
    expect(form.promises).toHaveLength(8)
    expect(toggleTemplate(form, prices).promises).toHaveLength(8)
  })

  it('sends templates with their id, own text trimmed, and leaves blank own rows out', () => {
    let form = toggleTemplate(toggleTemplate(filled(), honest), prices)
    form = editPromise(addOwnPromise(form), 2, '  坏果包换 ')
    form = addOwnPromise(form)
    const { content } = checkForm(form)
    expect(content?.promises).toEqual([
      { templateId: TEMPLATE_HONEST, text: '诚信经营' },
      { templateId: TEMPLATE_PRICES, text: '明码标价' },
      { text: '坏果包换' },
    ])
    expect(content).not.toHaveProperty('stall')
  })
})

describe('checking before sending', () => {
  it('puts the shared schema’s messages next to their fields and rows', () => {
    let form = { ...filled(), displayName: ' ' }
    form = addOwnPromise(addOwnPromise(form))
    form = editPromise(editPromise(form, 0, ''), 1, '好')
    const check = checkForm(form)
    expect(check.content).toBeNull()
    expect(check.message).toBe('请按红色提示修改后再提交')
    expect(check.errors.displayName).toBe('请填写公示姓名')
    // Row 0 is blank and left out: the short one is row 1 on screen.
    expect(check.errors['promises.1']).toBe('承诺内容至少2个字')
  })

  it('asks for at least one promise, and refuses the same one twice', () => {
    const none = checkForm(filled())
    expect(none.errors.promises).toBe('请至少选择或填写一条承诺')
    const twice = editPromise(toggleTemplate(addOwnPromise(filled()), honest), 0, '诚信经营')
    const check = checkForm(twice)
    expect(check.errors.promises).toBe('承诺不能重复')
  })

  it('places the server’s field errors on the screen row they came from', () => {
    // Row 1 is blank and not sent: the server's promise 1 is row 2 on screen.
    let form = addOwnPromise(toggleTemplate(filled(), honest))
    form = editPromise(addOwnPromise(form), 2, '坏果包换')
    expect(fieldOfIssue(['promises', 1, 'text'], form)).toBe('promises.2')
    expect(fieldOfIssue(['duties'], form)).toBe('duties')
    expect(fieldOfIssue(['body', 'content'], form)).toBeUndefined()

    const { result } = renderHook(() => useZodForm({ ...pledgeChecks, initial: form }))
    act(() =>
      result.current.fail(
        new ApiError({
          code: 'validation_failed',
          message: '内容需要修改',
          status: 400,
          fields: [
            { field: 'body.content.promises.1.text', message: '承诺内容含有不当用语' },
            { field: 'body.content.duties', message: '职责内容过长' },
          ],
        }),
      ),
    )
    expect(result.current.errors).toEqual({
      'promises.2': '承诺内容含有不当用语',
      duties: '职责内容过长',
    })
    expect(result.current.message).toBeNull()
    const conflict = new ApiError({ code: 'conflict', message: '已有待审核的版本', status: 409 })
    act(() => result.current.fail(conflict))
    expect(result.current.errors).toEqual({})
    expect(result.current.message).toBe('已有待审核的版本')
  })
})

describe('where the form starts', () => {
  const userId = 'u-1'

  it('fills a first pledge from the verified registration', () => {
    const start = startingForm(myPledgeAnswer(), null)
    expect(start.source).toBe('defaults')
    expect(start.form.displayName).toBe('周建国')
    expect(start.form.promises).toEqual([])
  })

  it('starts an edit from the newest version sent', () => {
    const returned = pledgeVersion({
      number: 2,
      state: 'returned',
      submittedAt: '2026-11-10T00:00:00Z',
    })
    const answer = myPledgeAnswer({ pledge: myPledge({ versions: [returned, pledgeVersion()] }) })
    const start = startingForm(answer, null)
    expect(start.source).toBe('version')
    expect(start.form.promises.map((p) => p.text)).toEqual(['诚信经营', '坏果包换'])
  })

  it('prefers the phone’s unsent draft when it is newer than what was sent', () => {
    const form = { ...filled(), duties: '还没写完' }
    writePledgeDraft(userId, form, new Date('2026-11-05T00:00:00Z'))
    const saved = readPledgeDraft(userId)
    const answer = myPledgeAnswer({ pledge: myPledge() })
    expect(startingForm(answer, saved)).toMatchObject({
      source: 'local',
      form: { duties: '还没写完' },
    })

    const newer = pledgeVersion({ submittedAt: '2026-11-06T00:00:00Z' })
    const sentLater = myPledgeAnswer({ pledge: myPledge({ versions: [newer] }) })
    expect(startingForm(sentLater, saved).source).toBe('version')
  })
})
