import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import LedgerRecordsPage from '../../src/packageLedger/pages/records'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, staffMe } from '../fixtures'
import { regionDetail } from '../membership-fixtures'
import { routerParams } from '../mocks/taro'

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
  routeRequests({
    'GET /regions/350102': ok(regionDetail),
    'GET /ledgers/markets': ok({ items: [], next: null, total: 0 }),
    'GET /ledgers/stations': ok({ items: [], next: null, total: 0 }),
    'GET /ledgers/checkins': ok({ items: [], next: null, total: 0 }),
  })
})
afterEach(() => {
  for (const key of Object.keys(routerParams)) delete routerParams[key]
})

describe('台账明细 opens the list a ledger figure counted', () => {
  it.each([
    [
      { type: 'stations', kind: 'flow_branch', status: 'open' },
      'GET /ledgers/stations',
      '关爱阵地明细（流动党员党支部，开放中）',
    ],
    [{ type: 'markets', organised: 'no' }, 'GET /ledgers/markets', '专业市场明细（无党组织）'],
    [
      { type: 'markets', orgForm: 'joint_branch', organised: 'maybe' },
      'GET /ledgers/markets',
      '专业市场明细（联合党支部）',
    ],
    [{ type: 'checkins', platform: 'eleme' }, 'GET /ledgers/checkins', '已报到明细（饿了么）'],
  ])('%j', async (params, route, title) => {
    Object.assign(routerParams, { region: '350102', ...params })
    render(<LedgerRecordsPage />)
    expect(await screen.findByText('没有记录。')).toBeTruthy()
    expect(screen.getByText(title, { exact: false })).toBeTruthy()
    const { type, organised, ...filters } = params as Record<string, string>
    const sent = callsTo(route)[0]?.data
    expect(sent).toMatchObject({ region: '350102', ...filters })
    // A value the list does not know is dropped, not sent.
    if (organised === 'maybe') expect(sent).not.toHaveProperty('organised', 'maybe')
    else if (organised) expect(sent).toMatchObject({ organised })
  })
})
