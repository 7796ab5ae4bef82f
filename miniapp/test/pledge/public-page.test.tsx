import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import PublicPledgePage from '../../src/packagePledge/pages/public'
import { apiFailure, callsTo, routeRequests } from '../fixtures'
import { routerParams } from '../mocks/taro'
import { publicPledge } from '../pledge-fixtures'

afterEach(() => {
  for (const key of Object.keys(routerParams)) delete routerParams[key]
})

const DEVICE_TOKEN = `${'d'.repeat(22)}.${'s'.repeat(43)}`
const created = (data: unknown) => ({ statusCode: 201, data, header: {}, errMsg: 'request:ok' })

describe('the public pledge page', () => {
  it('opens from a QR scene and shows 有效, the promises and the rating, signed out', async () => {
    routerParams.scene = 'GLP7K2'
    routeRequests({
      'GET /public/pledges/GLP7K2': {
        statusCode: 200,
        data: publicPledge(),
        header: {},
        errMsg: '',
      },
    })
    render(<PublicPledgePage />)

    expect(await screen.findByText('有效')).toBeTruthy()
    expect(screen.getByText('承诺真实有效')).toBeTruthy()
    expect(screen.getByText('共产党员经营户')).toBeTruthy()
    expect(screen.getByText('诚信经营')).toBeTruthy()
    expect(screen.getByText('坏果包换')).toBeTruthy()
    expect(screen.getByText('平均 4.5 / 2 条')).toBeTruthy()
  })

  it('exposes an unknown code as 无效 with the server’s words', async () => {
    routerParams.code = 'FAKE01'
    routeRequests({
      'GET /public/pledges/FAKE01': apiFailure(404, 'not_found', '查无此承诺牌，可能是伪造的'),
    })
    render(<PublicPledgePage />)

    expect(await screen.findByText('无效')).toBeTruthy()
    expect(screen.getByText('查无此承诺牌，可能是伪造的')).toBeTruthy()
    expect(screen.queryByText('评价')).toBeNull()
  })

  it('rates with a device token it asks the server for, and shows the new average', async () => {
    routerParams.code = 'GLP7K2'
    routeRequests({
      'GET /public/pledges/GLP7K2': {
        statusCode: 200,
        data: publicPledge(),
        header: {},
        errMsg: '',
      },
      'POST /public/devices': created({ deviceToken: DEVICE_TOKEN }),
      'POST /public/pledges/GLP7K2/ratings': created({
        message: '感谢你的评价',
        rating: { average: 4.7, count: 3 },
      }),
    })
    render(<PublicPledgePage />)
    fireEvent.click(await screen.findByText('评价'))
    fireEvent.click(screen.getByText('提交评价'))
    expect(screen.getByText('请选择1到5颗星')).toBeTruthy()

    fireEvent.click(screen.getAllByText('★')[4] as HTMLElement)
    fireEvent.click(screen.getByText('提交评价'))

    expect(await screen.findByText('平均 4.7 / 3 条')).toBeTruthy()
    const [call] = callsTo('POST /public/pledges/GLP7K2/ratings')
    expect(call?.data).toEqual({ score: 5 })
    expect(call?.header['x-device-id']).toBe(DEVICE_TOKEN)
    expect(callsTo('POST /public/devices')).toHaveLength(1)
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '感谢你的评价' }),
      ),
    )
  })
})
