import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import NearbyPage from '../../src/pages/nearby'
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
    expect(callsTo('GET /places/nearby')[0]?.data).toMatchObject({ lat: 26.0865, lng: 119.2965 })
    // H5: the browser's own location API answers only to wgs84 in Taro.
    expect(getLocation.mock.calls[0]?.[0]).toMatchObject({ type: 'wgs84' })
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
      url: `/packagePlace/pages/detail/index?id=${PLACE_ID}`,
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
      url: `/packagePlace/pages/detail/index?id=${far.id}`,
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
})
