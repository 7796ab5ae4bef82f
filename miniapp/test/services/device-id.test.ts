import Taro from '@tarojs/taro'
import { describe, expect, it } from 'vitest'
import { ratePledge, reportPledge } from '../../src/services/pledges'
import { apiFailure, callsTo, routeRequests, type TaroCall } from '../fixtures'
import { storage } from '../mocks/taro'

const token = (n: number) => `${String(n).padStart(22, 'd')}.${'s'.repeat(43)}`
const created = (data: unknown) => ({ statusCode: 201, data, header: {}, errMsg: 'request:ok' })
const thanks = created({ message: '感谢你的评价', rating: { average: 5, count: 1 } })
const refused = apiFailure(401, 'device_unrecognized', '本机标识（请求头 x-device-id）无效')

/** Issues token(1), token(2), … in turn. */
function issuer() {
  let issued = 0
  return () => created({ deviceToken: token(++issued) })
}
const sentTokens = (key: string) => callsTo(key).map((call) => call.header['x-device-id'])

describe('the device token', () => {
  it('is asked for once, kept, and sent with every rating and report', async () => {
    routeRequests({
      'POST /public/devices': issuer(),
      'POST /public/pledges/cGLP7K2abcde/ratings': thanks,
      'POST /public/pledges/cGLP7K2abcde/reports': created({ message: '已收到' }),
    })
    await ratePledge('cGLP7K2abcde', { score: 5 })
    await reportPledge('cGLP7K2abcde', { text: '称重缺斤短两' })

    expect(callsTo('POST /public/devices')).toHaveLength(1)
    expect(sentTokens('POST /public/pledges/cGLP7K2abcde/ratings')).toEqual([token(1)])
    expect(sentTokens('POST /public/pledges/cGLP7K2abcde/reports')).toEqual([token(1)])
    expect(Taro.getStorageSync('djt.deviceToken')).toBe(token(1))
  })

  it('ignores a kept value that is no token (the old random id) and asks for one', async () => {
    storage.set('djt.deviceToken', 'b1946ac9-2f14-4c3e-9a3b-2a1f0f1d9e77')
    routeRequests({ 'POST /public/devices': issuer(), 'POST /public/pledges/A/ratings': thanks })
    await ratePledge('A', { score: 4 })
    expect(sentTokens('POST /public/pledges/A/ratings')).toEqual([token(1)])
  })

  it('is replaced once when the server refuses it, and the call sent again', async () => {
    storage.set('djt.deviceToken', token(9))
    routeRequests({
      'POST /public/devices': issuer(),
      'POST /public/pledges/A/ratings': (call: TaroCall) =>
        call.header['x-device-id'] === token(9) ? refused : thanks,
    })
    const answer = await ratePledge('A', { score: 4 })

    expect(answer.message).toBe('感谢你的评价')
    expect(sentTokens('POST /public/pledges/A/ratings')).toEqual([token(9), token(1)])
    expect(Taro.getStorageSync('djt.deviceToken')).toBe(token(1))
  })

  it('gives up after one new token: the second refusal is shown', async () => {
    routeRequests({ 'POST /public/devices': issuer(), 'POST /public/pledges/A/ratings': refused })
    await expect(ratePledge('A', { score: 4 })).rejects.toMatchObject({
      code: 'device_unrecognized',
      status: 401,
    })
    expect(sentTokens('POST /public/pledges/A/ratings')).toEqual([token(1), token(2)])
  })

  it('is fetched once for calls that need it at the same time', async () => {
    routeRequests({ 'POST /public/devices': issuer(), 'POST /public/pledges/A/reports': thanks })
    await Promise.all([
      reportPledge('A', { text: '第一次举报内容' }),
      reportPledge('A', { text: '第二次举报内容' }),
    ])
    expect(callsTo('POST /public/devices')).toHaveLength(1)
    expect(sentTokens('POST /public/pledges/A/reports')).toEqual([token(1), token(1)])
  })

  it('other refusals pass through without a new token', async () => {
    routeRequests({
      'POST /public/devices': issuer(),
      'POST /public/pledges/A/ratings': apiFailure(429, 'rate_limited', '你今天已经评价过这家了'),
    })
    await expect(ratePledge('A', { score: 4 })).rejects.toMatchObject({ code: 'rate_limited' })
    expect(callsTo('POST /public/devices')).toHaveLength(1)
    expect(callsTo('POST /public/pledges/A/ratings')).toHaveLength(1)
  })
})
