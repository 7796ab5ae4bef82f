import Taro from '@tarojs/taro'
import { fireEvent, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import NearbyPage from '../../src/pages/nearby'
import type { PlaceSummary } from '../../src/services/places'
import { callsTo, failure, ok, routeRequests, serviceStatus } from '../fixtures'
import { PLACE_ID, placeSummary } from '../place-fixtures'

const getLocation = vi.mocked(Taro.getLocation)
const HERE = { latitude: 26.0865, longitude: 119.2965 }
const near = placeSummary()
const far = placeSummary({
  id: '7d1c5b8e-1111-4c2d-9e3f-000000000009',
  name: '三坊七巷爱心食堂',
  kind: 'canteen',
  distanceMeters: 1234,
  openNow: false,
  facilities: ['microwave'],
})

function located() {
  getLocation.mockResolvedValue(HERE as Awaited<ReturnType<typeof Taro.getLocation>>)
}

beforeEach(() => {
  vi.stubEnv('TARO_ENV', 'h5')
})

describe('附近 page with a location', () => {
  it('lists places nearest first with distance, kind, open badge and facilities', async () => {
    located()
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /places/nearby': ok({ items: [near, far], next: null }),
    })

    render(<NearbyPage />)

    expect(await screen.findByText('东街口爱心驿站')).toBeTruthy()
    const rows = document.querySelectorAll('.nearby__row')
    expect(rows[0]?.textContent).toContain('150米')
    expect(rows[0]?.textContent).toContain('营业中')
    expect(rows[0]?.textContent).toMatch(/饮用水.*电动车充电.*卫生间/)
    expect(rows[1]?.textContent).toContain('1.2公里')
    expect(rows[1]?.textContent).toContain('休息中')
    expect(screen.getByText('已显示全部')).toBeTruthy()
    // H5: the browser answers in WGS-84 only; the API is asked in GCJ-02, ~590 m east-south.
    expect(getLocation.mock.calls[0]?.[0]).toMatchObject({ type: 'wgs84' })
    expect(callsTo('GET /places/nearby')[0]?.data).toMatchObject({
      lat: expect.closeTo(26.08339, 5),
      lng: expect.closeTo(119.3013, 4),
      radius: 3000,
    })
    expect(screen.getByText('3 公里内，由近到远')).toBeTruthy()
    // Ready service: one line at the foot, not a card above the list.
    expect(screen.getByText('服务就绪').className).toContain('nearby__service')
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  })

  it('asks again with the chosen chips, and opens a place on tap', async () => {
    located()
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /places/nearby': ok({ items: [near], next: null }),
    })
    render(<NearbyPage />)
    await screen.findByText('东街口爱心驿站')

    fireEvent.click(screen.getByText('饮用水', { selector: '.nearby__chip' }))
    fireEvent.click(screen.getByText('营业中', { selector: '.nearby__chip' }))
    await vi.waitFor(() => expect(callsTo('GET /places/nearby')).toHaveLength(3))
    expect(callsTo('GET /places/nearby')[2]?.data).toMatchObject({
      facilities: 'water',
      openNow: 'true',
    })

    fireEvent.click(await screen.findByText('东街口爱心驿站'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packagePlace/pages/detail/index?id=${PLACE_ID}&distance=150`,
    })
  })

  it('loads the next page with the cursor', async () => {
    located()
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /places/nearby': (call) =>
        ok(
          (call.data as { after?: string }).after
            ? { items: [far], next: null }
            : { items: [near], next: 'c2' },
        ),
    })
    render(<NearbyPage />)
    fireEvent.click(await screen.findByText('加载更多'))

    expect(await screen.findByText('三坊七巷爱心食堂')).toBeTruthy()
    expect(screen.getByText('东街口爱心驿站')).toBeTruthy()
    expect(callsTo('GET /places/nearby')[1]?.data).toMatchObject({ after: 'c2' })
  })

  it('shows the service card and the demo banner only when they matter', async () => {
    located()
    routeRequests({
      'GET /status': ok(serviceStatus({ ready: false, demo: true })),
      'GET /places/nearby': failure(503, {
        error: { code: 'service_unavailable', message: '服务暂不可用，请稍后重试' },
      }),
    })
    render(<NearbyPage />)
    expect(await screen.findByText('服务暂不可用')).toBeTruthy()
    expect(screen.getByText(/^演示数据/)).toBeTruthy()
    expect(screen.queryByText('服务就绪')).toBeNull()
    // The list gives up after its GET retries (0.5 s, 1.5 s); waiting for that keeps a
    // retry from landing in a later test.
    await vi.waitFor(
      () =>
        expect(document.querySelector('.nearby__notice')?.textContent).toContain(
          '服务暂不可用，请稍后重试',
        ),
      { timeout: 5000 },
    )
  })
})

describe('附近 page in WeChat', () => {
  it('switches to the map with a marker per place, and a bubble opens the place', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    getLocation.mockResolvedValue(HERE as Awaited<ReturnType<typeof Taro.getLocation>>)
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /places/nearby': ok({ items: [near, far], next: null }),
    })
    render(<NearbyPage />)
    await screen.findByText('东街口爱心驿站')
    expect(getLocation.mock.calls[0]?.[0]).toMatchObject({ type: 'gcj02' })

    fireEvent.click(screen.getByText('地图'))

    const map = document.querySelector('#nearby-map')
    expect(map?.getAttribute('data-include-points')).toBe('3') // the rider and both places
    const marker = screen.getByRole('button', { name: '三坊七巷爱心食堂' })
    expect(marker.getAttribute('data-callout')).toContain('1.2公里')
    expect(document.querySelector('.nearby__row')).toBeNull()
    fireEvent.click(marker)
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packagePlace/pages/detail/index?id=${far.id}&distance=1234`,
    })
    fireEvent.click(screen.getByText('列表'))
    expect(document.querySelectorAll('.nearby__row')).toHaveLength(2)
  })

  it("offers WeChat's settings after a refusal, then asks for the location again", async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    getLocation
      .mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' })
      .mockResolvedValueOnce(HERE as Awaited<ReturnType<typeof Taro.getLocation>>)
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /places/nearby': ok({ items: [near], next: null }),
    })
    render(<NearbyPage />)
    fireEvent.click(await screen.findByText('重新获取位置'))

    expect(await screen.findByText('东街口爱心驿站')).toBeTruthy()
    expect(Taro.openSetting).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('查找服务点')).toBeNull()
  })
})

describe('附近 page without a location', () => {
  it('explains the refusal and searches by county and keyword', async () => {
    getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /regions': ok({ items: [] }),
      'GET /places': ok({ items: [placeSummary({ distanceMeters: undefined })], next: null }),
    })
    render(<NearbyPage />)

    expect(await screen.findByText(/没有获得位置权限/)).toBeTruthy()
    fireEvent.click(screen.getByText('查找服务点'))
    expect(await screen.findByText('请选择区县或输入关键词')).toBeTruthy()

    fireEvent.change(screen.getByPlaceholderText('如：东街口、驿站'), {
      target: { value: '东街口' },
    })
    fireEvent.click(screen.getByText('查找服务点'))

    expect(await screen.findByText('东街口爱心驿站')).toBeTruthy()
    expect(callsTo('GET /places')[0]?.data).toEqual({ q: '东街口', limit: 20 })
    expect(callsTo('GET /places/nearby')).toHaveLength(0)
  })

  it('says when a county search finds nothing, and 清除筛选 searches again without chips', async () => {
    getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
    routeRequests({
      'GET /status': ok(serviceStatus()),
      'GET /regions': ok({ items: [] }),
      'GET /places': (call) =>
        ok({
          items: (call.data as { kinds?: string }).kinds ? [] : [placeSummary()],
          next: null,
        }),
    })
    render(<NearbyPage />)
    await screen.findByText(/没有获得位置权限/)
    fireEvent.change(screen.getByPlaceholderText('如：东街口、驿站'), { target: { value: '驿站' } })
    fireEvent.click(screen.getByText('爱心食堂', { selector: '.nearby__chip' }))
    fireEvent.click(screen.getByText('查找服务点'))
    expect(await screen.findByText('没有符合筛选条件的服务点。')).toBeTruthy()

    fireEvent.click(screen.getByText('清除筛选'))
    expect(await screen.findByText('东街口爱心驿站')).toBeTruthy()
    expect(callsTo('GET /places').at(-1)?.data).toEqual({ q: '驿站', limit: 20 })
  })
})

/** Answers as the server would for a rider whose nearest places lie at `distances` (km). */
function placesAt(...km: number[]) {
  return km.map((d, i) =>
    placeSummary({
      id: `7d1c5b8e-1111-4c2d-9e3f-00000000010${i}`,
      name: `${d}公里外的驿站`,
      distanceMeters: d * 1000,
      phone: null,
    }),
  )
}

/** `fits`: whether a place answers the chips asked (all do without `fits`). */
function nearbyServer(
  places: PlaceSummary[],
  fits?: (data: NearbyCall, place: PlaceSummary) => boolean,
) {
  routeRequests({
    'GET /status': ok(serviceStatus()),
    'GET /places/nearby': (call) => {
      const data = call.data as NearbyCall
      const items = places.filter(
        (p) =>
          (fits?.(data, p) ?? true) &&
          (data.nearest === 'true' || (p.distanceMeters ?? 0) <= Number(data.radius)),
      )
      return ok({ items, next: null })
    },
  })
}

interface NearbyCall {
  radius?: number
  nearest?: string
  facilities?: string
}

describe('附近 when nothing is near', () => {
  it('widens to 10 km at 7 km from the nearest place, and says so', async () => {
    located()
    nearbyServer(placesAt(7, 9, 12))
    render(<NearbyPage />)

    expect(await screen.findByText('5 公里内没有，已为你扩大到 10 公里')).toBeTruthy()
    expect(screen.getByText('10 公里内，由近到远')).toBeTruthy()
    const names = [...document.querySelectorAll('.nearby__name')].map((n) => n.textContent)
    expect(names).toEqual(['7公里外的驿站', '9公里外的驿站'])
    expect(callsTo('GET /places/nearby').map((call) => call.data)).toEqual([
      expect.objectContaining({ radius: 3000 }),
      expect.objectContaining({ nearest: 'true' }),
    ])
    expect(screen.queryByText('清除筛选')).toBeNull() // no chip is on
  })

  it('beyond 20 km lists the nearest places anyway, with their distance', async () => {
    located()
    nearbyServer(placesAt(23, 31))
    render(<NearbyPage />)

    expect(await screen.findByText('20 公里内没有，最近的爱心驿站在 23 公里外')).toBeTruthy()
    const rows = document.querySelectorAll('.nearby__row')
    expect(rows).toHaveLength(2)
    expect(rows[0]?.textContent).toContain('23公里')
    expect(rows[1]?.textContent).toContain('31公里')
  })

  it('清除筛选 turns every chip off in one tap and asks again', async () => {
    located()
    // Only unfiltered questions find anything: the chips empty the list.
    nearbyServer(placesAt(1), (data) => !data.facilities)
    render(<NearbyPage />)
    await screen.findByText('1公里外的驿站')

    fireEvent.click(screen.getByText('饮用水', { selector: '.nearby__chip' }))
    fireEvent.click(screen.getByText('营业中', { selector: '.nearby__chip' }))
    expect(await screen.findByText('没有符合筛选条件的服务点。')).toBeTruthy()

    fireEvent.click(screen.getByText('清除筛选'))
    expect(await screen.findByText('1公里外的驿站')).toBeTruthy()
    expect(document.querySelectorAll('.nearby__chip--on')).toHaveLength(0)
    const last = callsTo('GET /places/nearby').at(-1)?.data as Record<string, unknown>
    expect(last).not.toHaveProperty('facilities')
    expect(last).not.toHaveProperty('openNow')
  })

  it('offers 清除筛选 beside a widened list when a chip is on', async () => {
    located()
    // With 饮用水 only the one 4 km away fits.
    nearbyServer(placesAt(1, 4), (data, place) => !data.facilities || place.distanceMeters === 4000)
    render(<NearbyPage />)
    await screen.findByText('1公里外的驿站')
    fireEvent.click(screen.getByText('饮用水', { selector: '.nearby__chip' }))
    expect(await screen.findByText('3 公里内没有，已为你扩大到 5 公里')).toBeTruthy()
    fireEvent.click(screen.getByText('清除筛选'))
    expect(await screen.findByText('3 公里内，由近到远')).toBeTruthy()
    expect(screen.getByText('1公里外的驿站')).toBeTruthy()
    expect(screen.queryByText(/已为你扩大/)).toBeNull()
  })
})

describe('导航 and 拨打 on each row', () => {
  it("WeChat: 导航 opens WeChat's map at the place in GCJ-02, 拨打 calls its phone", async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    located()
    const quiet = placeSummary({ id: far.id, name: '无电话驿站', phone: null })
    nearbyServer([near, quiet])
    render(<NearbyPage />)
    await screen.findByText('东街口爱心驿站')

    const [first, second] = document.querySelectorAll('.nearby__row')
    fireEvent.click(within(first as HTMLElement).getByText('导航'))
    expect(Taro.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({
        latitude: near.lat,
        longitude: near.lng,
        name: '东街口爱心驿站',
        address: near.address,
      }),
    )
    fireEvent.click(within(first as HTMLElement).getByText('拨打'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0591-87654321' })
    // The shortcuts act on their own: the place page does not open under them.
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(within(second as HTMLElement).queryByText('拨打')).toBeNull()
    expect(within(second as HTMLElement).getByText('导航')).toBeTruthy()
  })

  it("H5: 导航 opens Amap's marker page with the GCJ-02 coordinates", async () => {
    located()
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    nearbyServer([near])
    render(<NearbyPage />)
    fireEvent.click(await screen.findByText('导航'))
    expect(open).toHaveBeenCalledWith(
      expect.stringContaining(`position=${near.lng},${near.lat}&`),
      '_blank',
    )
    expect(Taro.openLocation).not.toHaveBeenCalled()
    open.mockRestore()
  })
})
