import { chinaYear } from '@djt/shared'
import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import NominateForm from '../../src/packageHonours/honours/NominateForm'
import MyHonoursPage from '../../src/packageHonours/pages/mine'
import PublicHonoursPage from '../../src/packageHonours/pages/public'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, staffMe, userMe } from '../fixtures'

const ID = '2c7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e6f'
const MEMBERSHIP = '7d1e0b7a-1111-4c2b-8e3f-0a1b2c3d4e5f'
const CITATION = '暴雨天坚持送餐，路遇老人摔倒及时送医'

function honour(over: Record<string, unknown> = {}) {
  return {
    id: ID,
    year: 2026,
    cityCode: '350100',
    cityName: '福州市',
    citation: CITATION,
    state: 'pending',
    nameShown: null,
    shownName: null,
    platform: 'meituan',
    nominatedAt: '2026-12-01T02:00:00.000Z',
    answeredAt: null,
    revokeReason: null,
    ...over,
  }
}

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
})

describe('nominating a rider', () => {
  it('asks for a rider found by name, sends the shared schema, and says what the server refused', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
    let answer: unknown = apiFailure(
      409,
      'conflict',
      '王小明已被推荐为2026年福州市最美骑手，同一年度不能重复推荐',
    )
    routeRequests({
      'GET /staff/honours/riders': ok({
        items: [
          {
            membershipId: MEMBERSHIP,
            name: '王小明',
            regionName: '鼓楼区',
            platform: 'meituan',
            cityCode: '350100',
            cityName: '福州市',
          },
        ],
      }),
      'POST /staff/honours': () => answer as ReturnType<typeof ok>,
    })
    const nominated = vi.fn()
    render(<NominateForm onNominated={nominated} />)
    fireEvent.click(screen.getByText('推荐'))
    expect(await screen.findByText('请先查找并选择骑手')).toBeTruthy()
    expect(screen.getByText('请填写推荐事迹')).toBeTruthy()
    expect(callsTo('POST /staff/honours')).toHaveLength(0)

    fireEvent.change(screen.getByPlaceholderText('输入姓名查找本辖区已核验的党员骑手'), {
      target: { value: '王小明' },
    })
    fireEvent.click(screen.getByText('查找骑手'))
    fireEvent.click(await screen.findByText('选择：王小明 · 鼓楼区 · 美团 · 福州市'))
    expect(callsTo('GET /staff/honours/riders')[0]?.data).toEqual({ name: '王小明' })
    expect(screen.getByText('已选择：王小明 · 鼓楼区 · 美团 · 福州市')).toBeTruthy()
    fireEvent.change(screen.getByPlaceholderText(/暴雨天坚持送餐/), {
      target: { value: CITATION },
    })
    fireEvent.click(screen.getByText('推荐'))
    await vi.waitFor(() => expect(callsTo('POST /staff/honours')).toHaveLength(1))
    expect(callsTo('POST /staff/honours')[0]?.data).toEqual({
      membershipId: MEMBERSHIP,
      cityCode: '350100',
      year: chinaYear(),
      citation: CITATION,
    })
    expect(await screen.findByText(/同一年度不能重复推荐/)).toBeTruthy()
    answer = {
      ...ok({ ...honour(), riderName: '王小明', regionCode: '350102', regionName: '鼓楼区' }),
      statusCode: 201,
    }
    fireEvent.click(screen.getByText('推荐'))
    await vi.waitFor(() => expect(nominated).toHaveBeenCalledTimes(1))
  })
})

describe("the rider's honours", () => {
  it('accepts under surname + 师傅, then withdraws the consent', async () => {
    sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
    let current = honour()
    routeRequests({
      'GET /honours/mine': () => ok({ items: [current] }),
      [`POST /honours/${ID}/accept`]: (call) => {
        const { nameShown } = call.data as { nameShown: string }
        current = honour({ state: 'accepted', nameShown, shownName: '王师傅' })
        return ok(current)
      },
      [`POST /honours/${ID}/decline`]: () => {
        current = honour({ state: 'declined' })
        return ok(current)
      },
    })
    render(<MyHonoursPage />)
    expect(await screen.findByText('待你确认：是否在最美骑手榜上公开')).toBeTruthy()
    expect(screen.getByText('2026年 福州市最美骑手')).toBeTruthy()
    fireEvent.click(screen.getByText('同意公开：只显示姓氏（某师傅）'))
    expect(await screen.findByText('已公开，署名“王师傅”')).toBeTruthy()
    expect(callsTo(`POST /honours/${ID}/accept`)[0]?.data).toEqual({ nameShown: 'surname' })
    expect(screen.getByText('改为显示全名')).toBeTruthy()
    fireEvent.click(screen.getByText('撤回公开'))
    expect(await screen.findByText('你已选择不公开，榜单上不显示')).toBeTruthy()
    expect(callsTo(`POST /honours/${ID}/decline`)).toHaveLength(1)
  })
})

describe('the public list', () => {
  it('shows what the rider agreed to, with the years and cities to choose', async () => {
    sessionStore.clear()
    routeRequests({
      'GET /public/honours': ok({
        items: [
          {
            id: ID,
            year: 2026,
            cityCode: '350100',
            cityName: '福州市',
            shownName: '王师傅',
            platform: 'meituan',
            citation: CITATION,
          },
        ],
        next: null,
        years: [2026],
        cities: [{ code: '350100', name: '福州市' }],
      }),
    })
    render(<PublicHonoursPage />)
    expect(await screen.findByText('王师傅 · 美团')).toBeTruthy()
    expect(screen.getByText(CITATION)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('城市'), { target: { value: '350100' } })
    await vi.waitFor(() => expect(callsTo('GET /public/honours')).toHaveLength(2))
    expect(callsTo('GET /public/honours')[1]?.data).toEqual({ city: '350100', limit: 20 })
  })
})
