import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import MyPledgePage from '../../src/packagePledge/pages/mine'
import { installSession, sessionStore } from '../../src/services/session'
import { ok, routeRequests, userMe } from '../fixtures'
import { myPledge, myPledgeAnswer } from '../pledge-fixtures'

const TEST_ADDRESS = '此承诺牌的二维码指向测试地址，正式使用前请联系管理员'

beforeEach(() => {
  installSession()
  sessionStore.save({ accessToken: 'access-1', refreshToken: 'refresh-token-0001', user: userMe() })
})

function showPledge(overrides: Parameters<typeof myPledge>[0] = {}) {
  routeRequests({
    'GET /pledges/mine': ok(myPledgeAnswer({ pledge: myPledge(overrides) })),
  })
  render(<MyPledgePage />)
}

/** A WeChat download task: a promise with onProgressUpdate, reporting the given steps. */
function downloadTask(statusCode: number, steps: number[] = []) {
  vi.mocked(Taro.downloadFile).mockImplementation(((options: { url: string }) => {
    let listener: ((update: { progress: number }) => void) | undefined
    const done = Promise.resolve().then(() => {
      for (const progress of steps) listener?.({ progress })
      return { statusCode, tempFilePath: `wxfile://tmp/${options.url.split('/').at(-1)}` }
    })
    return Object.assign(done, {
      onProgressUpdate: (callback: typeof listener) => {
        listener = callback
      },
    })
  }) as unknown as typeof Taro.downloadFile)
}

const titles = (mock: unknown) =>
  vi.mocked(mock as typeof Taro.showModal).mock.calls.map(([options]) => options?.title)

describe('下载承诺牌 in WeChat', () => {
  it('shows the progress, saves the PNG to the album and says so', async () => {
    downloadTask(200, [5, 30, 100])
    showPledge()
    fireEvent.click(await screen.findByText('下载承诺牌'))

    await waitFor(() => expect(titles(Taro.showModal)).toContain('已保存到手机相册'))
    expect(vi.mocked(Taro.downloadFile).mock.calls[0]?.[0]).toMatchObject({
      url: '/api/v1/pledges/mine/plaque.png',
      header: { Authorization: 'Bearer access-1' },
    })
    const loading = vi.mocked(Taro.showLoading).mock.calls.map(([options]) => options?.title)
    expect(loading).toEqual(['正在下载承诺牌', '正在下载 30%', '正在下载 100%'])
    expect(Taro.hideLoading).toHaveBeenCalled()
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({
      filePath: 'wxfile://tmp/plaque.png',
    })
    expect(Taro.shareFileMessage).not.toHaveBeenCalled()
  })

  it('explains a refused album permission and offers the settings page', async () => {
    downloadTask(200)
    vi.mocked(Taro.saveImageToPhotosAlbum).mockRejectedValue({
      errMsg: 'saveImageToPhotosAlbum:fail auth deny',
    })
    vi.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false } as never)
    showPledge()
    fireEvent.click(await screen.findByText('下载承诺牌'))

    await waitFor(() => expect(Taro.openSetting).toHaveBeenCalled())
    const modal = vi.mocked(Taro.showModal).mock.calls[0]?.[0]
    expect(modal?.title).toBe('没能保存到相册')
    expect(modal?.content).toContain('添加到相册')
    expect(titles(Taro.showModal)).not.toContain('已保存到手机相册')
  })

  it('opens the PDF in the document viewer', async () => {
    downloadTask(200)
    showPledge()
    fireEvent.click(await screen.findByText('下载承诺牌（PDF，打印用）'))

    await waitFor(() =>
      expect(Taro.openDocument).toHaveBeenCalledWith({
        filePath: 'wxfile://tmp/plaque.pdf',
        fileType: 'pdf',
        showMenu: true,
      }),
    )
    await waitFor(() =>
      expect(vi.mocked(Taro.showToast).mock.calls.at(-1)?.[0]?.title).toContain('已打开承诺牌 PDF'),
    )
  })

  it('says why when the server refuses, and hides the progress', async () => {
    downloadTask(409)
    vi.mocked(Taro.getFileSystemManager).mockReturnValue({
      readFileSync: () =>
        JSON.stringify({
          error: { code: 'conflict', message: '承诺审核通过且有效后才能下载承诺牌' },
        }),
    } as never)
    showPledge()
    fireEvent.click(await screen.findByText('下载承诺牌'))

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]?.content).toContain('审核通过且有效后')
    expect(Taro.hideLoading).toHaveBeenCalled()
    expect(Taro.saveImageToPhotosAlbum).not.toHaveBeenCalled()
  })
})

describe('下载承诺牌 in H5', () => {
  it('downloads through the browser and says where the file went', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    const fetchMock = vi.fn(async () => new Response(new Blob(['png']), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    vi.stubGlobal('URL', blobUrls('blob:1'))
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    showPledge()
    fireEvent.click(await screen.findByText('下载承诺牌'))

    await waitFor(() => expect(titles(Taro.showModal)).toContain('承诺牌已下载'))
    expect(vi.mocked(Taro.showModal).mock.calls[0]?.[0]?.content).toContain('承诺牌.png')
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/pledges/mine/plaque.png', expect.anything())
    expect(saved).toEqual(['承诺牌.png'])
    vi.unstubAllGlobals()
  })
})

describe('a plaque made with a test address', () => {
  it('tells the owner plainly', async () => {
    showPledge({ plaqueWarning: true })
    expect(await screen.findByText(TEST_ADDRESS)).toBeTruthy()
  })

  it('says nothing when the address is public', async () => {
    showPledge()
    await screen.findByText('下载承诺牌')
    expect(screen.queryByText(TEST_ADDRESS)).toBeNull()
  })
})

/** URL with object URLs that jsdom lacks; unstubbed after the test. */
function blobUrls(url: string) {
  return class extends URL {
    static override createObjectURL = () => url
    static override revokeObjectURL = () => undefined
  }
}
