import { type Activity, ActivityRequest } from '@djt/shared'
import { describe, expect, it } from 'vitest'
import {
  activityDraftOf,
  activityFieldOf,
  activityInputOf,
  chinaInstant,
  emptyActivityDraft,
  normaliseTime,
} from '../../src/packageActivity/activity/form-model'
import {
  memberSteps,
  type ShownActivity,
  sourceOf,
  sourceQuery,
} from '../../src/packageActivity/activity/member-source'
import { codeFromScan } from '../../src/packageActivity/activity/sign-in-code'
import { stateText, whereText } from '../../src/packageActivity/activity/summary'
import { refreshDelay, secondsLeft, timeSpan } from '../../src/packageActivity/activity/when'

const PLACE = '6f1c2c1e-1b7a-4d3e-9a51-2f3b4c5d6e7f'

const activity: Activity = {
  id: '0b7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f',
  kind: 'theme_day',
  title: '七一主题党日',
  startsAt: '2026-07-01T01:00:00.000Z',
  endsAt: '2026-07-01T03:00:00.000Z',
  placeId: PLACE,
  placeName: '鼓楼区新就业群体流动党员党支部',
  address: '福州市鼓楼区东街街道党群服务中心三楼',
  location: { lat: 26.09, lng: 119.299 },
  regionCode: '350102',
  capacity: 30,
  signedUp: 12,
  audience: 'nearby',
  branchId: null,
  branchName: null,
  description: null,
  state: 'published',
  cancelReason: null,
  closedAt: null,
  createdAt: '2026-06-01T00:00:00.000Z',
}

describe('the activity form', () => {
  const typed = {
    ...emptyActivityDraft(),
    title: '七一主题党日',
    kind: 'theme_day',
    date: '2026-07-01',
    startTime: '9:00',
    endTime: '11:00',
    placeId: PLACE,
    capacity: '30',
  }

  it('sends China wall-clock times as +08:00 instants the shared schema accepts', () => {
    const input = activityInputOf(typed)
    expect(input).toMatchObject({
      startsAt: '2026-07-01T09:00:00+08:00',
      endsAt: '2026-07-01T11:00:00+08:00',
      venue: { placeId: PLACE },
      capacity: 30,
      audience: 'nearby',
    })
    expect(input.branchId).toBeUndefined()
    expect(ActivityRequest.safeParse(input).success).toBe(true)
  })

  it('sends the branch only for a branch meeting, and asks for it there', () => {
    expect(activityInputOf({ ...typed, branchId: PLACE }).branchId).toBeUndefined()
    const input = activityInputOf({ ...typed, audience: 'branch', branchId: PLACE })
    expect(input.branchId).toBe(PLACE)
    expect(ActivityRequest.safeParse(input).success).toBe(true)
    const missing = ActivityRequest.safeParse(activityInputOf({ ...typed, audience: 'branch' }))
    expect(missing.error?.issues.map((issue) => activityFieldOf(issue.path))).toEqual(['branchId'])
  })

  it('sends an address with its region and point instead of a place', () => {
    const elsewhere = {
      ...typed,
      venueKind: 'address' as const,
      address: '福州市鼓楼区东街128号',
      regionCode: '350102',
      lat: '26.0866',
      lng: '119.2967',
    }
    const input = activityInputOf(elsewhere)
    expect(input.venue).toEqual({
      address: '福州市鼓楼区东街128号',
      regionCode: '350102',
      location: { lat: 26.0866, lng: 119.2967 },
    })
    expect(ActivityRequest.safeParse(input).success).toBe(true)
    // Half an address: the form's address field carries the message.
    const half = { ...elsewhere, lat: '', lng: '' }
    const parsed = ActivityRequest.safeParse(activityInputOf(half))
    const fields = parsed.error?.issues.map((issue) => activityFieldOf(issue.path, half))
    expect(fields?.length).toBeGreaterThan(0)
    expect(fields?.every((field) => field === 'address' || field === 'lng')).toBe(true)
  })

  it('leaves a bad time out, so the schema names that field; an end before the start too', () => {
    expect(normaliseTime('25:00')).toBeUndefined()
    expect(normaliseTime('9：30')).toBe('09:30')
    expect(chinaInstant('2026-07-01', 'noon')).toBeUndefined()
    const parsed = ActivityRequest.safeParse(activityInputOf({ ...typed, endTime: '08:00' }))
    expect(parsed.success).toBe(false)
    const paths = parsed.error?.issues.map((issue) => activityFieldOf(issue.path))
    expect(paths).toEqual(['endTime'])
    const blank = ActivityRequest.safeParse(activityInputOf(emptyActivityDraft()))
    const fields = new Set(blank.error?.issues.map((issue) => activityFieldOf(issue.path)))
    expect([...fields].sort()).toEqual(
      ['capacity', 'endTime', 'kind', 'placeId', 'startTime', 'title'].sort(),
    )
  })

  it('maps the server’s venue and branch paths to the place picker', () => {
    expect(activityFieldOf(['venue', 'placeId'])).toBe('placeId')
    expect(activityFieldOf(['venue', 'regionCode'])).toBe('regionCode')
    expect(activityFieldOf(['venue', 'location', 'lat'])).toBe('lng')
    expect(activityFieldOf(['venue'], { ...emptyActivityDraft(), venueKind: 'address' })).toBe(
      'address',
    )
    expect(activityFieldOf(['branchId'])).toBe('branchId')
    expect(activityFieldOf(['nonsense'])).toBeUndefined()
  })

  it('reads a stored activity back into the form in China time', () => {
    expect(activityDraftOf(activity)).toMatchObject({
      date: '2026-07-01',
      startTime: '09:00',
      endTime: '11:00',
      capacity: '30',
      placeId: PLACE,
    })
  })
})

describe('what an activity says', () => {
  it('writes its time span in China time, both ends when it runs past midnight', () => {
    expect(timeSpan(activity.startsAt, activity.endsAt)).toBe('2026-07-01 09:00–11:00')
    expect(timeSpan('2026-07-01T15:00:00Z', '2026-07-01T17:00:00Z')).toBe(
      '2026-07-01 23:00 至 2026-07-02 01:00',
    )
  })

  it('says a cancellation with its reason, and the distance before the venue', () => {
    expect(stateText({ ...activity, state: 'cancelled', cancelReason: '台风' })).toBe(
      '已取消（台风）',
    )
    expect(whereText(activity, 1234)).toBe('1.2公里 · 鼓楼区新就业群体流动党员党支部')
    expect(whereText({ ...activity, placeName: null }, null)).toBe(activity.address)
  })
})

describe('the sign-in code', () => {
  it('asks for the next code when this one expires, within 1–30 s', () => {
    const now = Date.parse('2026-07-01T01:00:01Z')
    expect(refreshDelay('2026-07-01T01:00:30Z', now)).toBe(29_200)
    expect(refreshDelay('2026-07-01T01:00:00Z', now)).toBe(1000)
    expect(refreshDelay('2026-07-01T02:00:00Z', now)).toBe(30_000)
    expect(secondsLeft('2026-07-01T01:00:30Z', now)).toBe(29)
    expect(secondsLeft('2026-07-01T01:00:00Z', now)).toBe(0)
  })

  it('reads the code from a scan, plain or inside a link', () => {
    expect(codeFromScan(' abc.def ')).toBe('abc.def')
    expect(codeFromScan('https://example.cn/s?x=1&code=a%2Bb&y=2')).toBe('a+b')
  })
})

describe("a member's steps", () => {
  const shown = (over: Partial<ShownActivity>): ShownActivity => ({
    ...activity,
    distance: null,
    openToMe: true,
    signedUpByMe: false,
    attendedAt: null,
    ...over,
  })
  const start = Date.parse(activity.startsAt)
  const HOUR = 3_600_000

  it('signs up before the start when open and not full; never when full or not open', () => {
    expect(memberSteps(shown({}), start - 3 * HOUR)).toEqual(['signUp'])
    expect(memberSteps(shown({ signedUp: 30 }), start - 3 * HOUR)).toEqual([])
    expect(memberSteps(shown({ openToMe: false }), start - 3 * HOUR)).toEqual([])
    expect(memberSteps(shown({}), start + 1)).toEqual([])
  })

  it('withdraws before the start; signs in from an hour before to an hour after the end', () => {
    const mine = shown({ signedUpByMe: true })
    expect(memberSteps(mine, start - 3 * HOUR)).toEqual(['cancelSignup'])
    expect(memberSteps(mine, start - HOUR / 2)).toEqual(['cancelSignup', 'signIn'])
    expect(memberSteps(mine, start + HOUR)).toEqual(['signIn'])
    expect(memberSteps(mine, start + 4 * HOUR)).toEqual([])
    expect(memberSteps(shown({ signedUpByMe: true, attendedAt: 'x' }), start)).toEqual([])
    expect(memberSteps(shown({ signedUpByMe: true, attendedAt: 'x' }), start - HOUR / 2)).toEqual(
      [],
    )
    expect(memberSteps(shown({ signedUpByMe: true, state: 'cancelled' }), start)).toEqual([])
  })

  it('opens the page again from where it was opened', () => {
    const near = { from: 'nearby' as const, lat: 26.07, lng: 119.29 }
    const query = (q: string) =>
      Object.fromEntries(q.split('&').map((pair) => pair.split('=') as [string, string]))
    expect(sourceOf(query(sourceQuery(activity.id, near)))).toEqual(near)
    expect(sourceOf(query(sourceQuery(activity.id, { from: 'place', placeId: PLACE })))).toEqual({
      from: 'place',
      placeId: PLACE,
    })
    expect(sourceOf({ id: activity.id })).toEqual({ from: 'mine' })
  })
})
