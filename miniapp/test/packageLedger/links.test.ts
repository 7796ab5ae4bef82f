import { describe, expect, test } from 'vitest'
import { recordUrl } from '../../src/packageLedger/ledger/links'
import { ledgerPages, staffPages } from '../../src/routes'

describe('a ledger figure opens its records for the ledger’s region', () => {
  test('a page without a query gets ?region=', () => {
    expect(recordUrl('review', '350102')).toBe(`${staffPages.review}?region=350102`)
  })

  test('a page with a query keeps it and adds &region=', () => {
    expect(recordUrl('pledges', '350100')).toBe(
      `${staffPages.pledges}?state=approved&region=350100`,
    )
  })

  test('a kind after a colon narrows the stations list', () => {
    expect(recordUrl('stations:flow_branch', '350102')).toBe(
      `${ledgerPages.records}?type=stations&region=350102&kind=flow_branch`,
    )
  })

  test('an unknown figure opens nothing', () => {
    expect(recordUrl('nothing', '350102')).toBeNull()
  })
})
