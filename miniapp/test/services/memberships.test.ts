import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/services/http'
import {
  fetchMyMembership,
  saveMembership,
  withdrawMembership,
} from '../../src/services/memberships'
import {
  bulkVerifyMemberships,
  decideMembership,
  fetchReviewDetail,
  fetchReviewPage,
  revealField,
} from '../../src/services/review'
import { apiFailure, callsTo, ok, routeRequests } from '../fixtures'
import { ENTRY_ID, myMembership, reviewDetail, reviewItem, riderForm } from '../membership-fixtures'

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('membership calls', () => {
  it('reads my entry, or null before I registered', async () => {
    routeRequests({ 'GET /memberships/mine': ok({ membership: myMembership() }) })
    expect((await fetchMyMembership())?.mobileMasked).toBe('138****5678')

    routeRequests({ 'GET /memberships/mine': ok({ membership: null }) })
    expect(await fetchMyMembership()).toBeNull()
  })

  it('refuses an entry that does not match the contract (no timeline)', async () => {
    const { timeline: _dropped, ...broken } = myMembership()
    routeRequests({ 'GET /memberships/mine': ok({ membership: broken }) })

    expect((await failureOf(fetchMyMembership())).code).toBe('invalid_response')
  })

  it('posts the action, the form and the answer; a 201 is a success too', async () => {
    routeRequests({
      'POST /memberships': {
        statusCode: 201,
        data: myMembership(),
        header: {},
        errMsg: 'request:ok',
      },
    })

    const saved = await saveMembership({ action: 'submit', form: riderForm(), answer: '已更正' })

    expect(saved.state).toBe('submitted')
    expect(callsTo('POST /memberships')[0]).toMatchObject({
      method: 'POST',
      data: { action: 'submit', form: riderForm(), answer: '已更正' },
    })
  })

  it('hands field errors over with their server names', async () => {
    routeRequests({
      'POST /memberships': apiFailure(400, 'validation_failed', '请检查填写的内容', [
        { field: 'body.form.mobile', message: '手机号应为11位大陆手机号' },
      ]),
    })

    const error = await failureOf(saveMembership({ action: 'submit', form: riderForm() }))

    expect(error.fieldMessage('body.form.mobile')).toBe('手机号应为11位大陆手机号')
  })

  it('withdraws with an empty POST', async () => {
    routeRequests({ 'POST /memberships/mine/withdraw': ok(myMembership({ state: 'withdrawn' })) })

    expect((await withdrawMembership()).state).toBe('withdrawn')
    expect(callsTo('POST /memberships/mine/withdraw')[0]?.data).toEqual({})
  })
})

describe('review calls', () => {
  it('asks for a page with the chosen filters, the cursor and the page size only', async () => {
    routeRequests({ 'GET /review/memberships': ok({ items: [reviewItem()], next: 'c2' }) })

    const page = await fetchReviewPage(
      { kind: 'rider', state: undefined, strength: 'strong' },
      'c1',
    )

    expect(page.next).toBe('c2')
    expect(callsTo('GET /review/memberships')[0]?.data).toEqual({
      kind: 'rider',
      strength: 'strong',
      after: 'c1',
      limit: 20,
    })
  })

  it('reads one entry and refuses a detail without its version', async () => {
    routeRequests({ [`GET /review/memberships/${ENTRY_ID}`]: ok(reviewDetail()) })
    expect((await fetchReviewDetail(ENTRY_ID)).evidence?.registers).toHaveLength(2)

    const { version: _dropped, ...broken } = reviewDetail()
    routeRequests({ [`GET /review/memberships/${ENTRY_ID}`]: ok(broken) })
    expect((await failureOf(fetchReviewDetail(ENTRY_ID))).code).toBe('invalid_response')
  })

  it('sends a decision with the version seen; a stale one is a conflict', async () => {
    const path = `POST /review/memberships/${ENTRY_ID}/decision`
    routeRequests({ [path]: ok(reviewDetail({ state: 'verified', version: 3 })) })

    const decided = await decideMembership(ENTRY_ID, { decision: 'verify', version: 2 })

    expect(decided.state).toBe('verified')
    expect(callsTo(path)[0]?.data).toEqual({ decision: 'verify', version: 2 })

    routeRequests({ [path]: apiFailure(409, 'conflict', '登记已被修改') })
    const error = await failureOf(decideMembership(ENTRY_ID, { decision: 'verify', version: 2 }))
    expect(error.code).toBe('conflict')
  })

  it('bulk-verifies by ids and returns what was skipped and why', async () => {
    const other = '7d1c3f0e-5b7a-4c3e-9a51-0c2b6f1e9a02'
    routeRequests({
      'POST /review/memberships/bulk-verify': ok({
        verified: [ENTRY_ID],
        skipped: [{ id: other, reason: '证据不足' }],
      }),
    })

    const result = await bulkVerifyMemberships([ENTRY_ID, other])

    expect(result.skipped[0]?.reason).toBe('证据不足')
    expect(callsTo('POST /review/memberships/bulk-verify')[0]?.data).toEqual({
      ids: [ENTRY_ID, other],
    })
  })

  it('reveals one field for a reason', async () => {
    const path = `POST /review/memberships/${ENTRY_ID}/reveal`
    routeRequests({ [path]: ok({ field: 'mobile', value: '13812345678' }) })

    const reply = await revealField(ENTRY_ID, { field: 'mobile', reason: '电话核实信息' })

    expect(reply.value).toBe('13812345678')
    expect(callsTo(path)[0]?.data).toEqual({ field: 'mobile', reason: '电话核实信息' })
  })
})
