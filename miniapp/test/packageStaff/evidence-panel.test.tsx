import type { Evidence } from '@djt/shared'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import EvidencePanel from '../../src/packageStaff/review/EvidencePanel'

function evidence(registers: Evidence['registers']): Evidence {
  return {
    strength: 'strong',
    matchingSources: 2,
    suggestion: 'verify',
    reason: '两份名录一致',
    registers,
    computedAt: '2026-11-05T03:00:00.000Z',
    weightsVersion: 1,
  }
}

describe('the evidence panel', () => {
  it('shows each field’s level and weight and the register’s probability', () => {
    render(
      <EvidencePanel
        evidence={evidence([
          {
            register: 'party_list',
            status: 'match',
            fields: [
              { field: 'idNumber', result: 'match', level: 'exact', weight: 19.9 },
              { field: 'name', result: 'match', level: 'homophone', weight: 6 },
              { field: 'mobile', result: 'differ', level: 'different', weight: -2.1 },
            ],
            summary:
              '党员名单：身份证号一致 +19.9 · 姓名同音（伟/玮）+6.0 · 手机号不同 −2.1 → 99.98%',
            probability: 0.999_89,
            explanation: '身份证号一致 +19.9 · 姓名同音（伟/玮）+6.0 · 手机号不同 −2.1 → 99.98%',
          },
        ])}
      />,
    )
    expect(screen.getByText('一致 +19.9')).toBeTruthy()
    expect(screen.getByText('同音 +6.0')).toBeTruthy()
    expect(screen.getByText('不同 −2.1')).toBeTruthy()
    // The same words as the summary the server wrote (one function on both sides).
    expect(screen.getByText('为同一人的概率：99.99%')).toBeTruthy()
  })

  it('reads evidence stored before the scorer as it did', () => {
    render(
      <EvidencePanel
        evidence={evidence([
          {
            register: 'platform_roster',
            status: 'match',
            fields: [
              { field: 'name', result: 'match' },
              { field: 'mobile', result: 'differ' },
            ],
            summary: '美团名册：MT-0001 陈小明',
          },
        ])}
      />,
    )
    expect(screen.getByText('✓ 一致')).toBeTruthy()
    expect(screen.getByText('✗ 不一致')).toBeTruthy()
    expect(screen.queryByText(/为同一人的概率/)).toBeNull()
  })

  it('never shows a level the scorer did not name in words', () => {
    const { container } = render(
      <EvidencePanel
        evidence={evidence([
          {
            register: 'party_list',
            status: 'partial',
            fields: [{ field: 'name', result: 'match', level: 'someNewLevel', weight: 3 }],
            summary: '党员名单：姓名相近',
          },
        ])}
      />,
    )
    expect(container.textContent).not.toContain('someNewLevel')
  })
})
