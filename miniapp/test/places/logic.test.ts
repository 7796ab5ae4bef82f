import { chinaMoment } from '@djt/shared'
import { describe, expect, it } from 'vitest'
import {
  canCheckInAgain,
  checkinGate,
  latestCheckin,
} from '../../src/packagePlace/detail/checkin-gate'
import { declineProblem } from '../../src/packageStaff/places/decline'
import { activeCount, chipList, isOn, noFilters, toggle } from '../../src/places/filters'
import { formatDistance } from '../../src/places/format'
import { rangeText, todayText, weekRows } from '../../src/places/hours'
import { locationFailure } from '../../src/places/locate'
import { framePoints, placeMarkers } from '../../src/places/markers'
import { amapMarkerUrl } from '../../src/places/navigate'
import { decodeScene, placeTarget } from '../../src/places/scene'
import { staffMe, userMe } from '../fixtures'
import { BRANCH_ID, checkin, placeSummary } from '../place-fixtures'

// 2026-11-18 is a Wednesday; 20:00 UTC is already Thursday 04:00 in Beijing.
const WED_NOON_BEIJING = Date.parse('2026-11-18T04:00:00Z')
const THU_4AM_BEIJING = Date.parse('2026-11-18T20:00:00Z')

describe('distance', () => {
  it('says metres to the nearest ten under a kilometre, kilometres with one decimal above', () => {
    expect(formatDistance(150)).toBe('150米')
    expect(formatDistance(153)).toBe('150米')
    expect(formatDistance(3)).toBe('10米')
    expect(formatDistance(996)).toBe('1公里')
    expect(formatDistance(1234)).toBe('1.2公里')
    expect(formatDistance(12_600)).toBe('13公里')
  })
})

describe('opening hours', () => {
  const hours = {
    always: false,
    days: [
      [
        { open: '08:00', close: '12:00' },
        { open: '14:00', close: '18:00' },
      ],
      [],
      [{ open: '09:00', close: '21:00' }],
      [{ open: '22:00', close: '02:00' }],
      [],
      [],
      [],
    ],
  }

  it('takes the weekday in Beijing, Monday first', () => {
    expect(chinaMoment(WED_NOON_BEIJING).weekday).toBe(2)
    expect(chinaMoment(THU_4AM_BEIJING).weekday).toBe(3)
  })

  it("says today's hours, 今日休息, or 24小时开放", () => {
    expect(todayText(hours, WED_NOON_BEIJING)).toBe('今日 09:00–21:00')
    expect(todayText(hours, THU_4AM_BEIJING)).toBe('今日 22:00–次日02:00')
    expect(todayText({ ...hours, days: hours.days.map(() => []) }, WED_NOON_BEIJING)).toBe(
      '今日休息',
    )
    expect(todayText({ always: true, days: hours.days }, WED_NOON_BEIJING)).toBe('24小时开放')
  })

  it('lists the week with several ranges, days off and today marked', () => {
    const rows = weekRows(hours, WED_NOON_BEIJING)
    expect(rows.map((row) => `${row.day} ${row.text}`)).toEqual([
      '周一 08:00–12:00、14:00–18:00',
      '周二 休息',
      '周三 09:00–21:00',
      '周四 22:00–次日02:00',
      '周五 休息',
      '周六 休息',
      '周日 休息',
    ])
    expect(rows.filter((row) => row.today).map((row) => row.day)).toEqual(['周三'])
    expect(rangeText({ open: '00:00', close: '24:00' })).toBe('00:00–24:00')
  })
})

describe('filter chips', () => {
  const water = { group: 'facility', value: 'water' } as const
  const canteen = { group: 'kind', value: 'canteen' } as const

  it('offers 营业中, the rider kinds and the four key facilities', () => {
    const labels = chipList().map((chip) => chip.label)
    expect(labels[0]).toBe('营业中')
    expect(labels).toEqual(
      expect.arrayContaining(['爱心驿站', '饮用水', '电动车充电', '微波炉', '卫生间']),
    )
  })

  it('turns chips on and off without touching the others', () => {
    const withWater = toggle(noFilters, water)
    const both = toggle(toggle(withWater, canteen), { group: 'openNow' })
    expect(both).toEqual({ kinds: ['canteen'], facilities: ['water'], openNow: true })
    expect(isOn(both, water)).toBe(true)
    expect(activeCount(both)).toBe(3)
    const off = toggle(both, water)
    expect(off.facilities).toEqual([])
    expect(isOn(off, water)).toBe(false)
    expect(noFilters).toEqual({ kinds: [], facilities: [], openNow: false })
  })
})

describe('QR scene', () => {
  it('opens by id first, else by the decoded scene', () => {
    expect(placeTarget({ id: 'abc', scene: 'GL0001' })).toEqual({ by: 'id', id: 'abc' })
    expect(placeTarget({ scene: 'GL%2D0001' })).toEqual({ by: 'code', code: 'GL-0001' })
    expect(placeTarget({})).toBeNull()
  })

  it('refuses what WeChat could not have sent', () => {
    expect(decodeScene('%E4%B8%AD')).toBeNull() // 中: outside the scene alphabet
    expect(decodeScene('%E0%A4%A')).toBeNull() // broken escape
    expect(decodeScene('x'.repeat(33))).toBeNull()
    expect(decodeScene('GL0001')).toBe('GL0001')
  })
})

describe('location failures', () => {
  it('tells a refusal from a switched-off GPS and from anything else', () => {
    expect(locationFailure({ errMsg: 'getLocation:fail auth deny' }).denied).toBe(true)
    expect(
      locationFailure({ errMsg: 'getLocation:fail privacy permission is not authorized' }).denied,
    ).toBe(true)
    expect(locationFailure(new Error('User denied Geolocation')).denied).toBe(true)
    expect(
      locationFailure({ errMsg: 'getLocation:fail:ERROR_NOCELL&WIFI_LOCATIONSWITCHOFF' }).message,
    ).toMatch('手机定位未开启')
    const other = locationFailure(new Error('timeout'))
    expect(other).toMatchObject({ ok: false, denied: false })
    expect(other.message).toMatch('暂时无法获取位置')
  })
})

describe('map markers', () => {
  it('has numeric ids, the nearest bubble open, and frames the rider with the places', () => {
    const far = placeSummary({ id: 'x', name: '远处', distanceMeters: 2500, openNow: false })
    const markers = placeMarkers([placeSummary(), far], '/icon.png')
    expect(markers.map((m) => m.id)).toEqual([0, 1])
    expect(markers[0]?.callout.display).toBe('ALWAYS')
    expect(markers[0]?.callout.content).toBe('东街口爱心驿站\n爱心驿站 · 150米 · 营业中')
    expect(markers[1]?.callout).toMatchObject({
      display: 'BYCLICK',
      content: '远处\n爱心驿站 · 2.5公里',
    })
    expect(framePoints({ lat: 26, lng: 119 }, [far])).toEqual([
      { latitude: 26, longitude: 119 },
      { latitude: far.lat, longitude: far.lng },
    ])
  })
})

describe('报到 gate', () => {
  it('asks to sign in, register, or wait for verification; staff cannot check in', () => {
    expect(checkinGate(null, undefined).step).toBe('sign_in')
    expect(checkinGate(staffMe(), undefined).step).toBe('staff')
    expect(checkinGate(userMe(), null).step).toBe('register')
    expect(checkinGate(userMe(), 'submitted')).toEqual({
      step: 'unverified',
      text: '你的党员登记待核验，核验通过后才能报到。',
    })
    expect(checkinGate(userMe(), 'verified').step).toBe('ready')
  })

  it('shows my latest check-in at this branch and allows another only after a decline', () => {
    const older = checkin({ id: 'a', state: 'declined', createdAt: '2026-11-01T00:00:00Z' })
    const newer = checkin({ id: 'b', state: 'pending', createdAt: '2026-11-02T00:00:00Z' })
    const elsewhere = checkin({ id: 'c', placeId: 'other', createdAt: '2026-11-03T00:00:00Z' })
    expect(latestCheckin([older, elsewhere, newer], BRANCH_ID)?.id).toBe('b')
    expect(canCheckInAgain(newer)).toBe(false)
    expect(canCheckInAgain(older)).toBe(true)
    expect(canCheckInAgain(null)).toBe(true)
  })

  it('wants a reason to decline', () => {
    expect(declineProblem(' ')).toBe('请填写不同意的原因')
    expect(declineProblem('不在本片区')).toBeUndefined()
  })
})

describe('H5 navigation', () => {
  it("opens Amap's marker page with GCJ-02 coordinates", () => {
    expect(amapMarkerUrl({ lat: 26.08, lng: 119.29, name: '东街口' })).toBe(
      'https://uri.amap.com/marker?position=119.29,26.08&name=%E4%B8%9C%E8%A1%97%E5%8F%A3&coordinate=gaode&callnative=1',
    )
  })
})
