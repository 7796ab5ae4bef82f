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
    routerParams.scene = 'cGLP7K2abcde'
    routeRequests({
      'GET /public/pledges/cGLP7K2abcde': {
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

  it('counts the reports it lists, and says the open ones apart', async () => {
    routerParams.code = 'cGLP7K2abcde'
    routeRequests({
      'GET /public/pledges/cGLP7K2abcde': {
        statusCode: 200,
        data: publicPledge({ reports: [], openReports: 2 }),
        header: {},
        errMsg: '',
      },
    })
    render(<PublicPledgePage />)
    expect(await screen.findByText('已核实的举报（0 条）')).toBeTruthy()
    expect(screen.getByText('暂无已核实的举报')).toBeTruthy()
    expect(screen.getByText('另有 2 条举报正在核实，核实后在此公示结果')).toBeTruthy()
    expect(screen.queryByText('暂无举报')).toBeNull()
  })

  it('exposes an unknown code as 无效 with the server’s words', async () => {
    routerParams.code = 'cFAKE0000001'
    routeRequests({
      'GET /public/pledges/cFAKE0000001': apiFailure(
        404,
        'not_found',
        '查无此承诺牌，可能是伪造的',
      ),
    })
    render(<PublicPledgePage />)

    expect(await screen.findByText('无效')).toBeTruthy()
    expect(screen.getByText('查无此承诺牌，可能是伪造的')).toBeTruthy()
    expect(screen.queryByText('评价')).toBeNull()
  })

  it('says a code that cannot be one is mistyped, not forged, and asks nothing', async () => {
    routerParams.code = 'cGLP7K2abc'
    routeRequests({})
    render(<PublicPledgePage />)
    expect(await screen.findByText('查验码格式不对，请核对')).toBeTruthy()
    expect(screen.queryByText('无效')).toBeNull()
  })

  it('answers the server’s format error the same way', async () => {
    routerParams.code = 'cGLP7K2abcdf'
    routeRequests({
      'GET /public/pledges/cGLP7K2abcdf': apiFailure(
        400,
        'validation_failed',
        '查验码格式不对，请核对',
      ),
    })
    render(<PublicPledgePage />)
    expect(await screen.findByText('查验码格式不对，请核对')).toBeTruthy()
    expect(screen.queryByText('无效')).toBeNull()
  })

  it('rates with a device token it asks the server for, and shows the new average', async () => {
    routerParams.code = 'cGLP7K2abcde'
    routeRequests({
      'GET /public/pledges/cGLP7K2abcde': {
        statusCode: 200,
        data: publicPledge(),
        header: {},
        errMsg: '',
      },
      'POST /public/devices': created({ deviceToken: DEVICE_TOKEN }),
      'POST /public/pledges/cGLP7K2abcde/ratings': created({
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
    const [call] = callsTo('POST /public/pledges/cGLP7K2abcde/ratings')
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
