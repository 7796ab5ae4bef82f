import Taro from '@tarojs/taro'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import {
  ApiError,
  del,
  get,
  post,
  setAccessTokenProvider,
  setTokenRefresher,
} from '../../src/services/http'
import { fetchServiceStatus } from '../../src/services/status'
import { failure, noContent, ok, serviceStatus } from '../fixtures'

const request = vi.mocked(Taro.request)
const Pledge = z.object({ id: z.number(), text: z.string() })

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('successful calls', () => {
  it('GETs /status under the API base and returns the validated body', async () => {
    request.mockResolvedValue(ok(serviceStatus({ demo: true })))

    const status = await fetchServiceStatus()

    expect(status.ready).toBe(true)
    expect(status.demo).toBe(true)
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0]?.[0]).toMatchObject({
      url: '/api/v1/status',
      method: 'GET',
      timeout: 10_000,
    })
  })

  it('sends the query without undefined values', async () => {
    request.mockResolvedValue(ok({ id: 1, text: '诚信经营' }))

    await get('/pledges/1', Pledge, { lang: 'zh', page: 2, cursor: undefined })

    expect(request.mock.calls[0]?.[0]).toMatchObject({ data: { lang: 'zh', page: 2 } })
  })

  it('adds the bearer token when a provider gives one, and none when signed out', async () => {
    request.mockResolvedValue(ok({ id: 1, text: '诚信经营' }))

    setAccessTokenProvider(async () => 'token-123')
    await get('/pledges/1', Pledge)
    setAccessTokenProvider(() => null)
    await get('/pledges/1', Pledge)

    expect(request.mock.calls[0]?.[0].header).toMatchObject({ Authorization: 'Bearer token-123' })
    expect(request.mock.calls[1]?.[0].header).not.toHaveProperty('Authorization')
  })
})

describe('failed calls', () => {
  it('turns an error body into an ApiError with its code, message, fields and status', async () => {
    request.mockResolvedValue(
      failure(400, {
        error: {
          code: 'validation_failed',
          message: '请检查填写的内容',
          fields: [{ field: 'body.text', message: '承诺内容不能为空' }],
        },
      }),
    )

    const error = await rejection(post('/pledges', { text: '' }, Pledge))

    expect(error.code).toBe('validation_failed')
    expect(error.message).toBe('请检查填写的内容')
    expect(error.status).toBe(400)
    expect(error.fields).toEqual([{ field: 'body.text', message: '承诺内容不能为空' }])
    expect(error.fieldMessage('body.text')).toBe('承诺内容不能为空')
  })

  it('rejects a 2xx body that does not match the schema', async () => {
    request.mockResolvedValue(ok({ ready: 'yes' }))

    const error = await rejection(fetchServiceStatus())

    expect(error.code).toBe('invalid_response')
    expect(error.status).toBe(200)
  })

  it('rejects a client error whose body is not an error body', async () => {
    request.mockResolvedValue(failure(413, '<html>Request Entity Too Large</html>'))

    const error = await rejection(post('/pledges', { text: '诚信经营' }, Pledge))

    expect(error.code).toBe('invalid_response')
    expect(error.status).toBe(413)
  })

  it("calls a server error without our error body (a proxy's page) unavailable", async () => {
    request.mockResolvedValue(failure(500, '<html>Internal Server Error</html>'))

    const error = await rejection(fetchServiceStatus())

    expect(error.code).toBe('service_unavailable')
    expect(error.message).toBe('服务暂不可用，请稍后重试')
    expect(error.status).toBe(500)
  })

  it('reports a timeout in Chinese', async () => {
    request.mockRejectedValue({ errMsg: 'request:fail timeout' })

    const error = await rejection(post('/pledges', {}, Pledge))

    expect(error.code).toBe('request_timeout')
    expect(error.message).toMatch(/超时/)
  })
})

describe('retries', () => {
  // The worker is shared with other files (isolate: false): a page's GET from another file
  // may still be pausing between its own retries in real time and call the same mock.
  // These tests answer and count only their own path.
  const PATH = '/retry-probe'
  const own = () => request.mock.calls.filter((call) => String(call[0]?.url).endsWith(PATH)).length
  function answers(...sequence: (() => unknown)[]) {
    let next = 0
    request.mockImplementation((async (options: { url: string }) => {
      if (!options.url.endsWith(PATH))
        return failure(404, { error: { code: 'not_found', message: '' } })
      const answer = sequence[Math.min(next, sequence.length - 1)]
      next += 1
      return answer?.()
    }) as unknown as typeof Taro.request)
  }
  const networkFailure = () => Promise.reject({ errMsg: 'request:fail' })
  const answered = () => ok({ id: 1, text: '诚信经营' })

  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('retries a GET after network failures, with growing pauses', async () => {
    answers(networkFailure, networkFailure, answered)

    const pledge = get(PATH, Pledge)
    await vi.advanceTimersByTimeAsync(499)
    expect(own()).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(own()).toBe(2)
    await vi.advanceTimersByTimeAsync(1500)

    await expect(pledge).resolves.toMatchObject({ id: 1 })
    expect(own()).toBe(3)
  })

  it('gives up after three attempts with a Chinese network error', async () => {
    answers(networkFailure)

    const pledge = rejection(get(PATH, Pledge))
    await vi.runAllTimersAsync()
    const error = await pledge

    expect(own()).toBe(3)
    expect(error.code).toBe('network_error')
    expect(error.status).toBe(0)
    expect(error.message).toBe('网络连接失败，请检查网络后重试')
  })

  it('does not send a retry with the token of a session signed out during the pause', async () => {
    let token: string | undefined = 'token-1'
    setAccessTokenProvider(() => token)
    answers(networkFailure, answered)

    const pledge = rejection(get(PATH, Pledge))
    token = undefined // signed out while the first attempt's pause runs
    await vi.runAllTimersAsync()
    const error = await pledge

    expect(own()).toBe(1)
    expect(error.code).toBe('network_error')
    setAccessTokenProvider()
  })

  it('sends a retry with the token renewed during the pause', async () => {
    let token = 'token-1'
    setAccessTokenProvider(() => token)
    answers(networkFailure, answered)

    const pledge = get(PATH, Pledge)
    token = 'token-2'
    await vi.runAllTimersAsync()

    await expect(pledge).resolves.toMatchObject({ id: 1 })
    const sent = request.mock.calls.filter((call) => String(call[0]?.url).endsWith(PATH))
    expect(sent.map((call) => call[0]?.header?.Authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ])
    setAccessTokenProvider()
  })

  it('retries a GET answered 503', async () => {
    answers(
      () => failure(503, { error: { code: 'service_unavailable', message: '维护中' } }),
      answered,
    )

    const pledge = get(PATH, Pledge)
    await vi.runAllTimersAsync()

    await expect(pledge).resolves.toMatchObject({ id: 1 })
    expect(own()).toBe(2)
  })

  it('does not retry a GET answered with a client error', async () => {
    answers(() => failure(404, { error: { code: 'not_found', message: '未找到' } }))

    const error = await rejection(get(PATH, Pledge))

    expect(error.code).toBe('not_found')
    expect(own()).toBe(1)
  })

  it('never retries a POST: it may have reached the server', async () => {
    answers(networkFailure)

    const pledge = rejection(post(PATH, { text: '诚信经营' }, Pledge))
    await vi.runAllTimersAsync()
    const error = await pledge

    expect(error.code).toBe('network_error')
    expect(own()).toBe(1)
  })
})

describe('bodies and tokens', () => {
  it('answers a 204 as null, and sends DELETE with an empty JSON object', async () => {
    request.mockResolvedValue(noContent())

    await expect(del('/me')).resolves.toBeNull()

    expect(request.mock.calls[0]?.[0]).toMatchObject({ method: 'DELETE', data: {} })
  })

  it('without a refresher a 401 is final', async () => {
    setAccessTokenProvider(() => 'token-1')
    request.mockResolvedValue(
      failure(401, { error: { code: 'unauthorized', message: '请先登录' } }),
    )

    const error = await rejection(get('/pledges/1', Pledge))

    expect(error.code).toBe('unauthorized')
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('does not refresh for a 401 that is not about the token', async () => {
    const refresher = vi.fn(async () => 'token-2')
    setAccessTokenProvider(() => 'token-1')
    setTokenRefresher(refresher)
    request.mockResolvedValue(
      failure(401, { error: { code: 'mfa_required', message: '请输入动态验证码' } }),
    )

    await rejection(post('/pledges', {}, Pledge))

    expect(refresher).not.toHaveBeenCalled()
  })

  it('retries with a token that was renewed while the request was out, without refreshing again', async () => {
    let token = 'token-1'
    const refresher = vi.fn(async () => 'token-3')
    setAccessTokenProvider(() => token)
    setTokenRefresher(refresher)
    request
      .mockImplementationOnce((async () => {
        token = 'token-2' // another request's refresh landed meanwhile
        return failure(401, { error: { code: 'unauthorized', message: '登录已失效' } })
      }) as unknown as typeof Taro.request)
      .mockResolvedValueOnce(ok({ id: 1, text: '诚信经营' }))

    await get('/pledges/1', Pledge)

    expect(refresher).not.toHaveBeenCalled()
    expect(request.mock.calls[1]?.[0].header).toMatchObject({ Authorization: 'Bearer token-2' })
  })
})
