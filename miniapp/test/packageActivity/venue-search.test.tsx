import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ActivityForm from '../../src/packageActivity/activity/ActivityForm'
import { emptyActivityDraft } from '../../src/packageActivity/activity/form-model'
import { installSession, sessionStore } from '../../src/services/session'
import { callsTo, ok, routeRequests, staffMe } from '../fixtures'
import { placeSummary } from '../place-fixtures'

beforeEach(() => {
  installSession()
  vi.stubEnv('TARO_ENV', 'h5')
  sessionStore.save({ accessToken: 'a', refreshToken: 'refresh-token-0001', user: staffMe() })
})

const first = placeSummary({ id: '1b7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e01', name: '东街口爱心驿站' })
const far = placeSummary({
  id: '1b7a3c55-8d2e-4f1a-9c3b-1a2b3c4d5e02',
  name: '仓山万达党群服务站',
  kind: 'flow_branch',
})

describe('the venue of an activity', () => {
  it('finds a place beyond the first page by name, and keeps the choice when the keyword changes', async () => {
    routeRequests({
      'GET /staff/places': (call) => {
        const q = (call.data as { q?: string }).q ?? ''
        return ok({ items: far.name.includes(q) ? [far] : [], next: null, total: 0 })
      },
    })
    render(<ActivityForm initial={emptyActivityDraft()} places={[first]} onSaved={() => {}} />)
    const options = () => [...document.querySelectorAll('option')].map((o) => o.textContent)
    expect(options()).toContain('东街口爱心驿站（爱心驿站）')
    expect(options().some((label) => label?.startsWith('仓山万达'))).toBe(false)

    fireEvent.change(screen.getByPlaceholderText('输入名称中的字，如：东街'), {
      target: { value: '万达' },
    })
    await vi.waitFor(() => expect(options()).toContain('仓山万达党群服务站（流动党员党支部）'))
    expect(callsTo('GET /staff/places').map((call) => (call.data as { q: string }).q)).toEqual([
      '万达',
    ])
    const select = screen.getByLabelText('活动场所') as HTMLSelectElement
    fireEvent.change(select, { target: { value: far.id } })

    fireEvent.change(screen.getByPlaceholderText('输入名称中的字，如：东街'), {
      target: { value: '没有这个' },
    })
    expect(await screen.findByText('没有名称含“没有这个”的场所')).toBeTruthy()
    expect(options()).toContain('仓山万达党群服务站（流动党员党支部）')
  })
})
