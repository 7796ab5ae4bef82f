import type { PlatformSite } from '@djt/shared'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SitesTable from '../../src/packageLedger/ledger/SitesTable'
import PlatformSitesPage from '../../src/packageStaff/pages/platform-sites'
import { emptySiteDraft, siteInputOf } from '../../src/packageStaff/platform-sites/site-model'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, staffMe } from '../fixtures'
import { routerParams } from '../mocks/taro'

const SITE_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
const site = (overrides: Partial<PlatformSite> = {}): PlatformSite => ({
  id: SITE_ID,
  platform: 'meituan',
  name: '鼓楼东街站',
  regionCode: '350102',
  regionName: '鼓楼区',
  address: null,
  riderCount: 120,
  memberRiderCount: 9,
  orgForm: 'flow_branch',
  orgName: '美团鼓楼东街站流动党员党支部',
  instructor: null,
  coverage: 'organised',
  status: 'active',
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  ...overrides,
})

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
})
afterEach(() => {
  delete routerParams.platform
  delete routerParams.status
  delete routerParams.region
})

const type = (placeholder: string, value: string) =>
  fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } })

describe('平台站点', () => {
  it('lists the sites with their organisation, and filters by platform', async () => {
    routeRequests({ 'GET /platform-sites': ok({ items: [site()], truncated: false }) })
    render(<PlatformSitesPage />)
    expect(await screen.findByText('鼓楼东街站')).toBeTruthy()
    expect(screen.getByText('美团 · 鼓楼区 · 骑手120人，党员9人')).toBeTruthy()
    expect(screen.getByText('流动党员党支部：美团鼓楼东街站流动党员党支部')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('平台'), { target: { value: 'eleme' } })
    await vi.waitFor(() => expect(callsTo('GET /platform-sites')).toHaveLength(2))
    expect(callsTo('GET /platform-sites')[1]?.data).toMatchObject({ platform: 'eleme' })
  })

  it('opens for the platform, status and region a ledger figure names', async () => {
    routerParams.platform = 'pupu'
    routerParams.status = 'active'
    routerParams.region = '350102'
    routeRequests({
      'GET /platform-sites': ok({ items: [], truncated: false }),
      'GET /regions/350102': ok({ code: '350102', name: '鼓楼区', level: 'county', ancestors: [] }),
    })
    render(<PlatformSitesPage />)
    expect(await screen.findByText('辖区内还没有登记平台站点。')).toBeTruthy()
    expect(callsTo('GET /platform-sites')[0]?.data).toMatchObject({
      platform: 'pupu',
      status: 'active',
      region: '350102',
    })
    expect((screen.getByLabelText('状态') as HTMLSelectElement).value).toBe('active')
  })

  it('shows Chinese errors under the fields, then creates the site in my county', async () => {
    routeRequests({
      'GET /platform-sites': ok({ items: [], truncated: false }),
      'GET /regions/350102': ok({ code: '350102', name: '鼓楼区', level: 'county', ancestors: [] }),
      'POST /platform-sites': { ...ok(site()), statusCode: 201 },
    })
    render(<PlatformSitesPage />)
    fireEvent.click(await screen.findByText('新增站点'))
    fireEvent.change(screen.getByLabelText('党组织形式'), { target: { value: 'joint_branch' } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('请选择配送平台')).toBeTruthy()
    expect(screen.getByText('请填写站点名称')).toBeTruthy()
    expect(screen.getByText('请填写党员骑手人数（整数）')).toBeTruthy()
    expect(callsTo('POST /platform-sites')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('配送平台'), { target: { value: 'meituan' } })
    type('如：鼓楼东街站', '鼓楼东街站')
    type('如 9，没有填 0', '9')
    type('如：美团鼓楼东街站流动党员党支部', '东街联合党支部')
    fireEvent.click(screen.getByText('保存'))
    await vi.waitFor(() => expect(callsTo('POST /platform-sites')).toHaveLength(1))
    expect(callsTo('POST /platform-sites')[0]?.data).toEqual({
      platform: 'meituan',
      name: '鼓楼东街站',
      regionCode: '350102',
      memberRiderCount: 9,
      orgForm: 'joint_branch',
      orgName: '东街联合党支部',
    })
  })

  it('closes a site after asking', async () => {
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false } as never)
    routeRequests({
      'GET /platform-sites': ok({ items: [site()], truncated: false }),
      [`PATCH /platform-sites/${SITE_ID}`]: ok(site({ status: 'closed' })),
    })
    render(<PlatformSitesPage />)
    fireEvent.click(await screen.findByText('关闭站点'))
    await vi.waitFor(() => expect(callsTo(`PATCH /platform-sites/${SITE_ID}`)).toHaveLength(1))
    expect(callsTo(`PATCH /platform-sites/${SITE_ID}`)[0]?.data).toEqual({ status: 'closed' })
  })

  it('lets station staff read only', async () => {
    sessionStore.save({
      accessToken: 'a',
      refreshToken: 'refresh-token-0001',
      user: staffMe({ level: 'station' }),
    })
    routeRequests({ 'GET /platform-sites': ok({ items: [site()], truncated: false }) })
    render(<PlatformSitesPage />)
    expect(await screen.findByText('鼓楼东街站')).toBeTruthy()
    expect(screen.queryByText('新增站点')).toBeNull()
    expect(screen.queryByText('关闭站点')).toBeNull()
  })

  it('sends blanks as missing and drops an organisation name without a form', () => {
    const draft = { ...emptySiteDraft('350102'), name: ' 站 ', riderCount: ' ', orgName: '旧名' }
    expect(siteInputOf(draft)).toMatchObject({
      name: '站',
      riderCount: undefined,
      orgForm: 'none',
      orgName: undefined,
    })
  })
})

describe('the riders ledger', () => {
  it('shows each platform’s sites and opens them for that platform', () => {
    const opened: string[] = []
    const open = (figure: string) => () => {
      opened.push(figure)
    }
    const figures = { total: 3, organised: 1, workCovered: 1, riders: 150, memberRiders: 10 }
    const split = { reported: 0, verified: 0 }
    const riders = {
      byPlatform: [
        {
          ...{ platform: 'meituan', label: '美团', members: split, full: split },
          ...{ probationary: split, flow: split, joinedBranch: 0, sites: figures },
        },
      ],
      sites: { ...figures, coverageRate: 1 / 3 },
    }
    render(<SitesTable riders={riders} open={open} />)
    expect(screen.getByText('33.3%')).toBeTruthy()
    fireEvent.click(screen.getByText(/美团/))
    expect(opened).toEqual(['riders.byPlatform.0.sites.total'])
  })
})
