import {
  evidenceFieldNames,
  type LedgerCheckin,
  type LedgerMarket,
  type LedgerStation,
  ledgerLinks,
  MembershipState,
  type RegisterEvidence,
} from '@djt/shared'
import { render, screen } from '@testing-library/react'
import type { ReactElement } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import LedgerSections from '../../src/packageLedger/ledger/LedgerSections'
import { figureOpener } from '../../src/packageLedger/ledger/links'
import LedgerRecordsPage from '../../src/packageLedger/pages/records'
import ReviewQueuePage from '../../src/packageStaff/pages/review'
import ReviewDetailPage from '../../src/packageStaff/pages/review-detail'
import { installSession, sessionStore } from '../../src/services/session'
import { ok, routeRequests, staffMe } from '../fixtures'
import { countyLedger } from '../ledger-fixtures'
import { ENTRY_ID, regionDetail, reviewDetail, reviewItem } from '../membership-fixtures'
import { routerParams } from '../mocks/taro'

/**
 * No raw keys where a person reads: what the staff pages show carries no programmer's
 * identifier (`isMember`, `needs_info`), only words. The pages are rendered with every
 * field, state and kind their data can hold.
 */
const IDENTIFIER = /\b[a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*|_[a-z0-9_]+)\b/g

function rawKeys(text: string): string[] {
  return text.match(IDENTIFIER) ?? []
}

/** The words on screen: every text node (no attribute, no hidden value). */
function shownKeys(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const found: string[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    found.push(...rawKeys(node.textContent ?? ''))
  return found
}

const uuid = (n: number) => `7d1c3f0e-5b7a-4c3e-9a51-0c2b6f1e9b${String(n).padStart(2, '0')}`
const allFields = Object.keys(evidenceFieldNames)

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
})
afterEach(() => {
  for (const key of Object.keys(routerParams)) delete routerParams[key]
})

async function shows(page: ReactElement, text: string) {
  render(page)
  expect(await screen.findAllByText(text, { exact: false })).not.toHaveLength(0)
  expect(shownKeys()).toEqual([])
}

describe('no raw keys on the staff pages', () => {
  it('finds an identifier when there is one', () => {
    expect(rawKeys('党员身份 isMember · needs_info · MT-0001 · 138****5678')).toEqual([
      'isMember',
      'needs_info',
    ])
  })

  it('the evidence names every field a register is compared on in words', async () => {
    const registers: RegisterEvidence[] = (
      ['platform_roster', 'party_list', 'business', 'annual_report'] as const
    ).map((register) => ({
      register,
      status: 'partial',
      // A field an older build stored, which the labels no longer know, reads as words too.
      fields: [...allFields, 'rosterFlag'].map((field) => ({ field, result: 'differ' })),
      summary: '部分一致',
    }))
    const detail = reviewDetail({
      evidence: { ...(reviewDetail().evidence ?? never()), registers },
    })
    routerParams.id = ENTRY_ID
    routeRequests({
      [`GET /review/memberships/${ENTRY_ID}`]: ok(detail),
      'GET /regions/350102': ok(regionDetail),
    })
    await shows(<ReviewDetailPage />, '党员身份')
    expect(screen.getAllByText('其他信息')).toHaveLength(4)
  })

  it('the queue shows every state and kind in words', async () => {
    const states = MembershipState.options.filter((state) => state !== 'draft')
    const kinds = ['rider', 'operator', 'market_opener'] as const
    const items = states.map((state, n) =>
      reviewItem({ id: uuid(n), state, kind: kinds[n % 3], name: `登记人${n}` }),
    )
    routeRequests({ 'GET /review/memberships': ok({ items, next: null }) })
    await shows(<ReviewQueuePage />, '登记人0')
  })

  it('the ledger and the records behind its figures read as words', async () => {
    const ledger = countyLedger()
    render(<LedgerSections ledger={ledger} open={figureOpener(ledgerLinks(ledger), () => 0)} />)
    expect(shownKeys()).toEqual([])
  })

  it.each([
    ['markets', '东街口农贸市场'],
    ['stations', '东街口爱心驿站'],
    ['checkins', '林小骑'],
  ])('the %s records read as words', async (type, name) => {
    Object.assign(routerParams, { type, region: '350102' })
    routeRequests({
      'GET /regions/350102': ok(regionDetail),
      'GET /ledgers/markets': ok({ items: [market], next: null, total: 1 }),
      'GET /ledgers/stations': ok({ items: [station], next: null, total: 1 }),
      'GET /ledgers/checkins': ok({ items: [checkin], next: null, total: 1 }),
    })
    await shows(<LedgerRecordsPage />, name)
  })
})

function never(): never {
  throw new Error('the fixture has evidence')
}

const market: LedgerMarket = {
  membershipId: uuid(1),
  regionCode: '350102',
  regionName: '鼓楼区',
  marketName: '东街口农贸市场',
  opener: '陈开办',
  stalls: 120,
  memberStallOwners: 8,
  orgForm: 'joint_branch',
  orgFormLabel: '联合党支部',
  orgName: '东街口市场联合党支部',
  class: 'reported',
}
const station: LedgerStation = {
  id: uuid(2),
  regionCode: '350102',
  regionName: '鼓楼区',
  name: '东街口爱心驿站',
  kind: 'flow_branch',
  kindLabel: '流动党员党支部',
  status: 'suspended',
  roundTheClock: true,
  facilities: ['饮用水'],
  checkinsApproved: 2,
  checkinsPending: 1,
  lastCheckedOn: '2026-04-01',
}
const checkin: LedgerCheckin = {
  id: uuid(3),
  regionCode: '350102',
  regionName: '鼓楼区',
  memberName: '林小骑',
  platform: 'meituan',
  placeId: uuid(4),
  placeName: '东街口流动党员党支部',
  decidedAt: '2026-04-02T02:00:00.000Z',
}
