import Taro from '@tarojs/taro'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setAccessTokenProvider, setTokenRefresher } from '../../src/services/http'
import { downloadRejects, fetchRegisterImports, importRegister } from '../../src/services/registers'
import { ok, routeRequests } from '../fixtures'

const IMPORT_ID = '5e0b2c1d-3f4a-4b5c-8d9e-0a1b2c3d4e5f'
const report = {
  id: IMPORT_ID,
  kind: 'platform_roster',
  fileName: 'roster.csv',
  regionCode: '350102',
  importedBy: '林晓',
  startedAt: '2026-11-05T02:00:00.000Z',
  finishedAt: '2026-11-05T02:00:01.000Z',
  rowsRead: 3,
  rowsAccepted: 2,
  rowsRejected: 1,
  evidenceRecomputed: 1,
  rejected: [{ line: 3, field: 'mobile', reason: '手机号应为11位大陆手机号' }],
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>
beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  setAccessTokenProvider(() => 'token-1')
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('register uploads in H5', () => {
  it('posts the file as multipart `file` with the bearer token and checks the report', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    fetchMock.mockResolvedValue(json(201, report))
    const file = new File(['平台,骑手编号\n'], 'roster.csv', { type: 'text/csv' })

    const answer = await importRegister('platform_roster', { blob: file, name: 'roster.csv' })

    expect(answer.rejected[0]?.line).toBe(3)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/registers/platform_roster/imports')
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ Authorization: 'Bearer token-1' })
    const sent = (init.body as FormData).get('file') as File
    expect(sent.name).toBe('roster.csv')
  })

  it('refreshes an expired token once and sends the file again (the one token logic)', async () => {
    let token = 'old'
    setAccessTokenProvider(() => token)
    setTokenRefresher(async () => {
      token = 'new'
      return token
    })
    fetchMock
      .mockResolvedValueOnce(json(401, { error: { code: 'unauthorized', message: '登录已失效' } }))
      .mockResolvedValueOnce(json(201, report))

    await importRegister('platform_roster', { blob: new Blob(['x']), name: 'roster.csv' })

    expect(fetchMock).toHaveBeenCalledTimes(2)
    const second = fetchMock.mock.calls[1]?.[1] as RequestInit
    expect(second.headers).toMatchObject({ Authorization: 'Bearer new' })
  })

  it('turns an error answer into an ApiError with its message', async () => {
    fetchMock.mockResolvedValue(
      json(400, { error: { code: 'validation_failed', message: '文件缺少列：骑手编号' } }),
    )

    await expect(
      importRegister('platform_roster', { blob: new Blob(['x']), name: 'a.csv' }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: '文件缺少列：骑手编号' })
  })
})

describe('register uploads in WeChat', () => {
  it('uses uploadFile with the field name `file` and reads its text answer', async () => {
    vi.mocked(Taro.uploadFile).mockResolvedValue({
      statusCode: 201,
      data: JSON.stringify(report),
      errMsg: 'uploadFile:ok',
    } as never)

    const answer = await importRegister('platform_roster', {
      path: 'wxfile://tmp/r.csv',
      name: 'r.csv',
    })

    expect(answer.rowsAccepted).toBe(2)
    expect(vi.mocked(Taro.uploadFile).mock.calls[0]?.[0]).toMatchObject({
      url: '/api/v1/registers/platform_roster/imports',
      filePath: 'wxfile://tmp/r.csv',
      name: 'file',
      header: { Authorization: 'Bearer token-1' },
    })
  })
})

describe('downloads', () => {
  it('in H5 fetches the rejects with the token and saves them through <a download>', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    fetchMock.mockResolvedValue(
      new Response('行号,字段,原因\n3,手机号,格式错误\n', { status: 200 }),
    )
    URL.createObjectURL = vi.fn(() => 'blob:rejects')
    URL.revokeObjectURL = vi.fn()
    const saved: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })

    await downloadRejects({ id: IMPORT_ID, kind: 'platform_roster' })

    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/v1/registers/imports/${IMPORT_ID}/rejects.csv`)
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit | undefined
    expect(init?.headers).toMatchObject({
      Authorization: 'Bearer token-1',
    })
    expect(saved).toEqual(['平台骑手名册-拒收报告-5e0b2c1d.csv'])
    click.mockRestore()
  })

  it('in WeChat downloads with the token and offers the file to send to a chat', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    vi.mocked(Taro.downloadFile).mockResolvedValue({
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/rejects.csv',
      errMsg: 'downloadFile:ok',
    } as never)

    await downloadRejects({ id: IMPORT_ID, kind: 'platform_roster' })

    expect(vi.mocked(Taro.downloadFile).mock.calls[0]?.[0]).toMatchObject({
      header: { Authorization: 'Bearer token-1' },
    })
    expect(Taro.shareFileMessage).toHaveBeenCalledWith({
      filePath: 'wxfile://tmp/rejects.csv',
      fileName: '平台骑手名册-拒收报告-5e0b2c1d.csv',
    })
  })

  it('lists past imports', async () => {
    const { rejected: _rows, ...item } = report
    routeRequests({ 'GET /registers/imports': ok({ items: [item] }) })

    expect((await fetchRegisterImports())[0]?.fileName).toBe('roster.csv')
  })
})
