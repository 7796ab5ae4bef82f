import { periodEnded } from '@djt/shared'
import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { basisText, submitIntro } from '../../src/packageLedger/reports/basis'
import OwnReportCard from '../../src/packageLedger/reports/OwnReportCard'

const v1 = {
  id: '7d1c3f0e-5b7a-4c3e-9a51-0c2b6f1e9a02',
  region: { code: '350102', name: '鼓楼区', level: 'county' as const },
  period: '2026-H1',
  version: 1,
  state: 'submitted' as const,
  reason: null,
  basis: 'period_end' as const,
  submittedAt: '2026-07-05T02:00:00.000Z',
  submittedBy: '鼓楼区局',
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
}

afterEach(() => {
  vi.useRealTimers()
})

describe('report basis', () => {
  test('a half-year ends at 6-30 and 12-31 24:00 Beijing time', () => {
    expect(periodEnded('2026-H1', new Date('2026-06-30T15:59:59Z'))).toBe(false)
    expect(periodEnded('2026-H1', new Date('2026-06-30T16:00:00Z'))).toBe(true)
    expect(periodEnded('2026-H2', new Date('2026-12-31T15:59:59Z'))).toBe(false)
    expect(periodEnded('2026-H2', new Date('2026-12-31T16:00:00Z'))).toBe(true)
  })

  test('says which figures a report carries', () => {
    expect(basisText(v1)).toBe('按期末数据（6月30日24时后自动冻结）')
    expect(basisText({ basis: 'period_end', period: '2026-H2' })).toBe(
      '按期末数据（12月31日24时后自动冻结）',
    )
    expect(basisText({ ...v1, basis: 'live' })).toBe('按报送时数据')
  })

  test('tells the clerk before sending which figures will go', () => {
    const july = new Date('2026-07-05T02:00:00Z')
    expect(submitIntro('鼓楼区', '2026-H1', false, july)).toContain(
      '将按6月30日24时期末自动冻结的鼓楼区台账报送2026年上半年报告',
    )
    expect(submitIntro('鼓楼区', '2026-H2', false, july)).toContain('将冻结鼓楼区此刻的台账')
    expect(submitIntro('鼓楼区', '2026-H1', true, july)).toContain('更正版本按鼓楼区此刻的台账报送')
  })

  test('the own report card shows the basis and warns before freezing an ended period', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-07-05T02:00:00Z'))
    const props = { regionName: '鼓楼区', period: '2026-H1', onOpen: vi.fn(), onChanged: vi.fn() }
    const { unmount } = render(<OwnReportCard {...props} newest={v1} />)
    expect(screen.getByText('按期末数据（6月30日24时后自动冻结）')).toBeTruthy()
    unmount()

    render(<OwnReportCard {...props} newest={undefined} />)
    fireEvent.click(screen.getByRole('button', { name: '冻结并报送' }))
    expect(screen.getByText(/将按6月30日24时期末自动冻结的鼓楼区台账/)).toBeTruthy()
  })
})
