import Taro from '@tarojs/taro'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MePage from '../../src/pages/me'

afterEach(cleanup)

describe('我的 page', () => {
  it('shows the app version', () => {
    render(<MePage />)

    expect(screen.getByText(/^v\d+\.\d+\.\d+$/)).toBeTruthy()
  })

  it("opens WeChat's privacy guide in the mini-program", () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    render(<MePage />)

    fireEvent.click(screen.getByText('隐私保护指引'))

    expect(Taro.openPrivacyContract).toHaveBeenCalledTimes(1)
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('explains where the guide is in H5, which has no WeChat contract', () => {
    vi.stubEnv('TARO_ENV', 'h5')
    render(<MePage />)

    fireEvent.click(screen.getByText('隐私保护指引'))

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '隐私保护指引' }))
    expect(Taro.openPrivacyContract).not.toHaveBeenCalled()
  })
})
