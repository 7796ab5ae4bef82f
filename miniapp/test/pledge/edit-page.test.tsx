import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import PledgeEditPage from '../../src/packagePledge/pages/edit'
import { installSession, sessionStore } from '../../src/services/session'
import { apiFailure, callsTo, ok, routeRequests, userMe } from '../fixtures'
import { fire, storage } from '../mocks/taro'
import { myPledgeAnswer, TEMPLATE_HONEST, TEMPLATE_PRICES } from '../pledge-fixtures'

const templates = {
  items: [
    { id: TEMPLATE_HONEST, kind: 'operator', text: '诚信经营', regionName: '全国' },
    { id: TEMPLATE_PRICES, kind: 'operator', text: '明码标价', regionName: '全国' },
  ],
}
const created = (data: unknown) => ({ statusCode: 201, data, header: {}, errMsg: 'request:ok' })

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
})

describe('填写承诺', () => {
  it('prefills from the registration, checks inline, and sends the chosen promises', async () => {
    routeRequests({
      'GET /pledges/mine': ok(myPledgeAnswer()),
      'GET /pledge-templates': ok(templates),
      'POST /pledges/mine': (call) => created({ call }),
    })
    render(<PledgeEditPage />)

    expect(await screen.findByDisplayValue('周建国')).toBeTruthy()
    fireEvent.click(screen.getByText('提交审核'))
    expect(screen.getByText('请填写职责身份')).toBeTruthy()
    expect(screen.getByText('请至少选择或填写一条承诺')).toBeTruthy()
    expect(callsTo('POST /pledges/mine')).toHaveLength(0)

    fireEvent.change(screen.getByPlaceholderText('如：党员经营户'), {
      target: { value: '党员经营户' },
    })
    fireEvent.change(screen.getByPlaceholderText(/带头诚信经营/), {
      target: { value: '带头诚信经营' },
    })
    fireEvent.click(screen.getByText('+ 诚信经营'))
    fireEvent.click(screen.getByText('+ 自己写一条承诺'))
    fireEvent.change(screen.getByPlaceholderText('如：坏果包换，缺斤少两十倍赔'), {
      target: { value: '坏果包换' },
    })
    expect(screen.queryByText('请填写职责身份')).toBeNull()
    fireEvent.click(screen.getByText('提交审核'))

    await waitFor(() => expect(callsTo('POST /pledges/mine')).toHaveLength(1))
    expect(callsTo('POST /pledges/mine')[0]?.data).toEqual({
      content: {
        displayName: '周建国',
        business: '老周水果店',
        stall: 'A-018',
        role: '党员经营户',
        duties: '带头诚信经营',
        promises: [{ templateId: TEMPLATE_HONEST, text: '诚信经营' }, { text: '坏果包换' }],
      },
    })
  })

  it('keeps what was typed on the phone when the page hides', async () => {
    routeRequests({
      'GET /pledges/mine': ok(myPledgeAnswer()),
      'GET /pledge-templates': ok(templates),
    })
    render(<PledgeEditPage />)
    fireEvent.change(await screen.findByPlaceholderText('如：党员经营户'), {
      target: { value: '党员经营户' },
    })
    act(() => fire('didHide'))
    expect(storage.get(`djt.pledgeDraft.${userMe().id}`)).toMatchObject({
      form: { role: '党员经营户', displayName: '周建国' },
    })
  })

  it('puts the server’s field message under its row', async () => {
    routeRequests({
      'GET /pledges/mine': ok(myPledgeAnswer()),
      'GET /pledge-templates': ok(templates),
      'POST /pledges/mine': apiFailure(400, 'validation_failed', '请修改', [
        { field: 'body.content.promises.0.text', message: '承诺内容含有不当用语' },
      ]),
    })
    render(<PledgeEditPage />)
    fireEvent.change(await screen.findByPlaceholderText('如：党员经营户'), {
      target: { value: '党员经营户' },
    })
    fireEvent.change(screen.getByPlaceholderText(/带头诚信经营/), {
      target: { value: '带头诚信经营' },
    })
    fireEvent.click(screen.getByText('+ 明码标价'))
    fireEvent.click(screen.getByText('提交审核'))
    expect(await screen.findByText('承诺内容含有不当用语')).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('says why someone may not pledge and leads to 党员登记', async () => {
    routeRequests({
      'GET /pledges/mine': ok(
        myPledgeAnswer({
          eligible: false,
          kind: null,
          reason: '你的党员登记尚未核验',
          defaults: {},
        }),
      ),
    })
    render(<PledgeEditPage />)
    expect(await screen.findByText('你的党员登记尚未核验')).toBeTruthy()
    fireEvent.click(screen.getByText('去党员登记'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packageMember/pages/register/index' })
  })
})
