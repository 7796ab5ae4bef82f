import Taro from '@tarojs/taro'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import PrivacySheet from '../../src/components/PrivacySheet'
import { createPrivacyQueue, type PrivacyResolver } from '../../src/privacy/queue'

afterEach(cleanup)

function waitingSheet() {
  const queue = createPrivacyQueue()
  render(<PrivacySheet queue={queue} />)
  const resolve = vi.fn<PrivacyResolver>()
  act(() => queue.enqueue(resolve))
  return { queue, resolve }
}

describe('PrivacySheet', () => {
  it('stays hidden while no privacy request waits', () => {
    render(<PrivacySheet queue={createPrivacyQueue()} />)

    expect(screen.queryByText('隐私保护提示')).toBeNull()
  })

  it('opens for a waiting request and reports that it was shown', () => {
    const { resolve } = waitingSheet()

    expect(screen.getByText('隐私保护提示')).toBeTruthy()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  })

  it('answers agree with the id of the agree button, then closes', () => {
    const { resolve } = waitingSheet()
    const agree = screen.getByRole('button', { name: '同意并继续' })

    fireEvent.click(agree)

    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: agree.id })
    expect(agree.id).toMatch(/^privacy-agree-\d+$/)
    expect(screen.queryByText('隐私保护提示')).toBeNull()
  })

  it('answers disagree when the user declines', () => {
    const { resolve } = waitingSheet()

    fireEvent.click(screen.getByRole('button', { name: '不同意' }))

    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText('隐私保护提示')).toBeNull()
  })

  it("opens WeChat's privacy contract from the guide link", () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    waitingSheet()

    fireEvent.click(screen.getByText('《党建通隐私保护指引》'))

    expect(Taro.openPrivacyContract).toHaveBeenCalledTimes(1)
  })
})
