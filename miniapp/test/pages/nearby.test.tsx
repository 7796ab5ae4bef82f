import Taro from '@tarojs/taro'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import NearbyPage from '../../src/pages/nearby'
import { failure, ok, serviceStatus } from '../fixtures'

const request = vi.mocked(Taro.request)

afterEach(cleanup)

describe('附近 page: service readiness', () => {
  it('says it is connecting while /status has not answered', () => {
    request.mockReturnValue(new Promise(() => {}) as ReturnType<typeof Taro.request>)

    render(<NearbyPage />)

    expect(screen.getByText('正在连接服务…')).toBeTruthy()
    expect(screen.queryByText('服务就绪')).toBeNull()
  })

  it('says 服务就绪 when the service is ready, without the demo banner', async () => {
    request.mockResolvedValue(ok(serviceStatus({ ready: true, demo: false })))

    render(<NearbyPage />)

    expect(await screen.findByText('服务就绪')).toBeTruthy()
    expect(screen.queryByText(/演示数据/)).toBeNull()
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  })

  it('says 服务暂不可用 when not ready, and retrying reaches the ready service', async () => {
    request
      .mockResolvedValueOnce(ok(serviceStatus({ ready: false })))
      .mockResolvedValueOnce(ok(serviceStatus({ ready: true })))

    render(<NearbyPage />)
    expect(await screen.findByText('服务暂不可用')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))

    expect(await screen.findByText('服务就绪')).toBeTruthy()
    expect(request).toHaveBeenCalledTimes(2)
  })

  it("says 服务暂不可用 with the server's message when /status fails", async () => {
    request.mockResolvedValue(
      failure(500, { error: { code: 'internal_error', message: '服务器内部错误' } }),
    )

    render(<NearbyPage />)

    expect(await screen.findByText('服务暂不可用')).toBeTruthy()
    expect(screen.getByText('服务器内部错误')).toBeTruthy()
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
  })

  it('shows the 演示数据 banner when the service runs on demo data', async () => {
    request.mockResolvedValue(ok(serviceStatus({ demo: true })))

    render(<NearbyPage />)

    expect(await screen.findByText(/^演示数据/)).toBeTruthy()
    expect(screen.getByText('服务就绪')).toBeTruthy()
  })
})
