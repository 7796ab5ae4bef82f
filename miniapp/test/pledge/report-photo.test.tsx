import type { ReportQueueItem } from '@djt/shared'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import PledgeDetailPage from '../../src/packageStaff/pages/pledge-detail'
import PledgeReportsPage from '../../src/packageStaff/pages/pledge-reports'
import { installSession, sessionStore } from '../../src/services/session'
import { ok, routeRequests, staffMe } from '../fixtures'
import { routerParams } from '../mocks/taro'
import { myPledge, PLEDGE_ID } from '../pledge-fixtures'

const REPORT_ID = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a'
const PHOTO_PATH = `/review/pledge-reports/${REPORT_ID}/photo`

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'staff-1', refreshToken: 'refresh-token-0001', user: staffMe() })
  delete routerParams.id
})

function report(): ReportQueueItem {
  return {
    id: REPORT_ID,
    at: '2026-11-10T02:00:00.000Z',
    text: '缺斤少两',
    hasPhoto: true,
    state: 'open',
    outcome: null,
    response: null,
    respondedAt: null,
    pledgeId: PLEDGE_ID,
    code: 'cGLP7K2abcde',
    displayName: '周师傅',
    business: '老周水果店',
    regionName: '鼓楼区',
  }
}

function wechatPhoto(statusCode = 200) {
  vi.mocked(Taro.downloadFile).mockImplementation((async () => ({
    statusCode,
    tempFilePath: 'wxfile://tmp/report.jpg',
  })) as unknown as typeof Taro.downloadFile)
}

/** The open list of 群众举报 as the server pages it. */
const reportPage = () => ok({ items: [report()], next: null, total: 1 })

describe('a report photo on staff pages', () => {
  it('opens in place in 群众举报, fetched with the staff token (WeChat); a tap enlarges it', async () => {
    wechatPhoto()
    routeRequests({ 'GET /review/pledge-reports': reportPage() })
    render(<PledgeReportsPage />)
    fireEvent.click(await screen.findByText('查看举报照片'))

    // In place: the photo shows under the report, the list stays; the viewer only on a tap.
    const photo = await screen.findByAltText('查看举报照片')
    expect(photo.getAttribute('src')).toBe('wxfile://tmp/report.jpg')
    expect(screen.getByText('收起照片')).toBeTruthy()
    expect(Taro.previewImage).not.toHaveBeenCalled()
    fireEvent.click(photo)
    await waitFor(() =>
      expect(Taro.previewImage).toHaveBeenCalledWith({
        urls: ['wxfile://tmp/report.jpg'],
        current: 'wxfile://tmp/report.jpg',
      }),
    )
    expect(vi.mocked(Taro.downloadFile).mock.calls[0]?.[0]).toMatchObject({
      url: `/api/v1${PHOTO_PATH}`,
      header: { Authorization: 'Bearer staff-1' },
    })
    expect(Taro.shareFileMessage).not.toHaveBeenCalled()
  })

  it('opens as a blob URL in H5, from the pledge detail', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    const fetchMock = vi.fn(async () => new Response(new Blob(['jpg']), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    vi.stubGlobal('URL', blobUrls('blob:photo-1'))
    routerParams.id = PLEDGE_ID
    const { code, displayName, business, regionName, pledgeId, ...plain } = report()
    routeRequests({
      [`GET /review/pledges/${PLEDGE_ID}`]: ok({
        ...myPledge({ reports: [plain] }),
        regionName,
        memberState: 'verified',
        memberStateText: '已核验',
      }),
    })
    render(<PledgeDetailPage />)
    fireEvent.click(await screen.findByText('查看举报照片'))
    fireEvent.click(await screen.findByAltText('查看举报照片'))

    await waitFor(() =>
      expect(Taro.previewImage).toHaveBeenCalledWith({
        urls: ['blob:photo-1'],
        current: 'blob:photo-1',
      }),
    )
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(`/api/v1${PHOTO_PATH}`)
    expect(init.headers).toMatchObject({ Authorization: 'Bearer staff-1' })
    vi.unstubAllGlobals()
  })

  it('folds away again on 收起照片', async () => {
    wechatPhoto()
    routeRequests({ 'GET /review/pledge-reports': reportPage() })
    render(<PledgeReportsPage />)
    fireEvent.click(await screen.findByText('查看举报照片'))
    fireEvent.click(await screen.findByText('收起照片'))
    expect(screen.queryByAltText('查看举报照片')).toBeNull()
    expect(screen.getByText('查看举报照片')).toBeTruthy()
  })

  it('says why in place when the photo cannot be fetched, and opens no viewer', async () => {
    wechatPhoto(404)
    vi.mocked(Taro.getFileSystemManager).mockReturnValue({
      readFileSync: () => JSON.stringify({ error: { code: 'not_found', message: '照片已删除' } }),
    } as never)
    routeRequests({ 'GET /review/pledge-reports': reportPage() })
    render(<PledgeReportsPage />)
    fireEvent.click(await screen.findByText('查看举报照片'))

    expect(await screen.findByText('照片已删除')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
    expect(screen.queryByAltText('查看举报照片')).toBeNull()
    expect(Taro.previewImage).not.toHaveBeenCalled()
  })
})

/** URL with object URLs that jsdom lacks; unstubbed after the test. */
function blobUrls(url: string) {
  return class extends URL {
    static override createObjectURL = () => url
    static override revokeObjectURL = () => undefined
  }
}
