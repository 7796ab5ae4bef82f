import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import SameNearby from '../../src/packageVoice/voice/SameNearby'
import { installSession } from '../../src/services/session'
import { callsTo, noContent, ok, routeRequests } from '../fixtures'

function nearby(over: Record<string, unknown> = {}) {
  return {
    id: '2c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f',
    category: 'entry',
    text: '小区保安不让骑手进门送餐',
    place: {
      name: '某某花园小区',
      address: '五四路100号',
      location: { lat: 26.0865, lng: 119.2965 },
    },
    meToo: 2,
    createdAt: '2026-12-01T02:00:00.000Z',
    distance: 120,
    mine: false,
    meTooByMe: false,
    ...over,
  }
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
})

describe('我也遇到 beside the raise form', () => {
  it('asks nothing until a place is chosen', () => {
    routeRequests({})
    const { container } = render(<SameNearby point={undefined} category={undefined} />)
    expect(container.textContent).toBe('')
    expect(callsTo('GET /difficulties/nearby')).toHaveLength(0)
  })

  it('lists the open ones near the chosen place; 我也遇到 adds the rider once', async () => {
    const mine = nearby({
      id: '3c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f',
      mine: true,
      text: '我提的',
      distance: 300,
    })
    routeRequests({
      'GET /difficulties/nearby': ok({ items: [nearby(), mine] }),
      'POST /difficulties/2c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f/me-too': noContent(),
    })
    render(<SameNearby point={{ lat: 26.0865, lng: 119.2965 }} category="entry" />)
    expect(await screen.findByText('附近已有人提出')).toBeTruthy()
    expect(callsTo('GET /difficulties/nearby')[0]?.data).toMatchObject({
      lat: 26.0865,
      lng: 119.2965,
      category: 'entry',
    })
    expect(screen.getByText('120米 · 2 人也遇到')).toBeTruthy()
    expect(screen.getByText('这是你提出的')).toBeTruthy()
    fireEvent.click(screen.getByText('我也遇到'))
    expect(await screen.findByText('已记上“我也遇到”')).toBeTruthy()
    expect(screen.getByText('120米 · 3 人也遇到')).toBeTruthy()
    fireEvent.click(screen.getByText('已记上“我也遇到”'))
    expect(callsTo('POST /difficulties/2c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f/me-too')).toHaveLength(
      1,
    )
  })

  it('shows nothing when there is none near, or the signal fails', async () => {
    routeRequests({ 'GET /difficulties/nearby': ok({ items: [] }) })
    const { container } = render(<SameNearby point={{ lat: 26, lng: 119 }} category={undefined} />)
    await vi.waitFor(() => expect(callsTo('GET /difficulties/nearby')).toHaveLength(1))
    expect(container.textContent).toBe('')
  })
})
