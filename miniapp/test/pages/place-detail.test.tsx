import Taro from '@tarojs/taro'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import PlaceDetailPage from '../../src/packagePlace/pages/detail'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, userMe } from '../fixtures'
import { myMembership } from '../membership-fixtures'
import { routerParams } from '../mocks/taro'
import { BRANCH_ID, branchDetail, checkin, PLACE_ID, placeDetail } from '../place-fixtures'

beforeEach(() => {
  vi.stubEnv('TARO_ENV', 'weapp')
})
afterEach(() => {
  for (const key of Object.keys(routerParams)) delete routerParams[key]
})

function signInMember() {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: userMe() })
}

describe('place page', () => {
  it('opens from a plaque scene and shows hours, facilities, 导航 and 拨打电话', async () => {
    routerParams.scene = 'GL0001'
    routeRequests({ 'GET /places/code/GL0001': ok(placeDetail()) })

    render(<PlaceDetailPage />)

    expect(await screen.findByText('东街口爱心驿站')).toBeTruthy()
    expect(screen.getByText('营业中')).toBeTruthy()
    expect(screen.getByText('今日 08:00–20:00')).toBeTruthy()
    expect(screen.getAllByText('08:00–20:00')).toHaveLength(7)
    expect(screen.getByText('电动车充电')).toBeTruthy()
    expect(screen.queryByText('报到')).toBeNull()

    fireEvent.click(screen.getByText('导航'))
    expect(Taro.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: 26.0872, longitude: 119.2971, name: '东街口爱心驿站' }),
    )
    fireEvent.click(screen.getByText('拨打电话 0591-87654321'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0591-87654321' })
  })

  it('says how far it is when opened from 附近, and nothing of it from a plaque', async () => {
    routerParams.id = PLACE_ID
    routerParams.distance = '1234'
    routeRequests({ [`GET /places/${PLACE_ID}`]: ok(placeDetail()) })
    render(<PlaceDetailPage />)
    expect(await screen.findByText('距你 1.2公里')).toBeTruthy()
    cleanup()

    routerParams.distance = 'far'
    render(<PlaceDetailPage />)
    await screen.findByText('东街口爱心驿站')
    expect(screen.queryByText(/^距你/)).toBeNull()
  })

  it('says so when the scene is not a place code', async () => {
    routerParams.scene = '%E4%B8%AD'
    render(<PlaceDetailPage />)
    expect(await screen.findByText('没有找到这个服务点，请从附近列表重新打开。')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })
})

describe('报到 at a flow-member branch', () => {
  it('asks a signed-out rider to sign in first', async () => {
    routerParams.id = BRANCH_ID
    routeRequests({ [`GET /places/${BRANCH_ID}`]: ok(branchDetail()) })
    render(<PlaceDetailPage />)

    expect(await screen.findByText(/报到需要先登录/)).toBeTruthy()
    fireEvent.click(screen.getByText('去登录'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('explains that an unverified entry cannot check in yet', async () => {
    signInMember()
    routerParams.id = BRANCH_ID
    routeRequests({
      [`GET /places/${BRANCH_ID}`]: ok(branchDetail()),
      'GET /memberships/mine': ok({ membership: myMembership({ state: 'submitted' }) }),
      'GET /checkins/mine': ok({ items: [] }),
    })
    render(<PlaceDetailPage />)

    expect(await screen.findByText('你的党员登记待核验，核验通过后才能报到。')).toBeTruthy()
    expect(screen.queryByText('报到')).toBeNull()
  })

  it('lets a verified member check in and then shows 待确认', async () => {
    signInMember()
    routerParams.id = BRANCH_ID
    routeRequests({
      [`GET /places/${BRANCH_ID}`]: ok(branchDetail()),
      'GET /memberships/mine': ok({ membership: myMembership({ state: 'verified' }) }),
      'GET /checkins/mine': ok({ items: [checkin({ placeId: PLACE_ID, state: 'approved' })] }),
      [`POST /places/${BRANCH_ID}/checkins`]: { ...ok(checkin()), statusCode: 201 },
    })
    render(<PlaceDetailPage />)

    expect((await screen.findByText(/^联系人：陈支书/)).textContent).toBe(
      '联系人：陈支书 13900001111',
    )
    fireEvent.click(screen.getByText('13900001111'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900001111' })
    fireEvent.click(await screen.findByText('报到'))

    expect(await screen.findByText(/^我的报到：待确认/)).toBeTruthy()
    expect(callsTo(`POST /places/${BRANCH_ID}/checkins`)).toHaveLength(1)
    expect(screen.queryByText('报到')).toBeNull()
  })
})
