import type { MiniProgram } from './mini-program.ts'
import { NavigationError } from './page-stack.ts'
import { bridgeRequest, type RequestOptions } from './request.ts'

export interface WxSettings {
  /** The API origin the build was made with; requests to it go to the test server. */
  apiOrigin: string
  server: string
  /** wx.login answers `dev:<wechatUser>`, the code the server's WeChat dev mode accepts. */
  wechatUser: string
  /** getLocation's answer (GCJ-02), or a refusal. */
  location: { latitude: number; longitude: number } | 'denied'
  /** What the person taps in every showModal. */
  modalConfirms: boolean
  /**
   * What the camera reads when scanCode opens (a QR held up to it), asked at that moment so
   * a test can show the code of the current window; absent: the person backs out.
   */
  scan?: () => string | Promise<string>
}

type Options = Record<string, unknown> & {
  success?: (result: unknown) => void
  fail?: (result: unknown) => void
  complete?: (result: unknown) => void
}
type Answer = Record<string, unknown> | undefined

/** A refusal the app may meet on a phone (the person cancels, a permission is off). */
class Refusal extends Error {}

/**
 * The `wx` object. Each API is an own property (Taro copies `Object.keys(wx)` when it
 * starts: an API missing here is one Taro warns it does not support). Every call is
 * recorded; asynchronous ones answer later through success/fail/complete, as WeChat does.
 */
export function createWx(program: MiniProgram, settings: WxSettings): Record<string, unknown> {
  const storage = program.storage

  /** An asynchronous API: `answer` runs on the host; its result reaches the callbacks. */
  const api =
    (name: string, answer: (options: Options) => Answer | Promise<Answer> = () => ({})) =>
    (options: Options = {}) => {
      program.record(name, options)
      program.track(respond(program, name, options, answer))
    }
  const sync =
    <T>(name: string, answer: (...args: unknown[]) => T) =>
    (...args: unknown[]) => {
      program.record(name, args)
      return answer(...args)
    }
  const navigation = (name: string, move: (options: Options) => void) =>
    api(name, (options) => {
      move(options)
      return {}
    })
  const refuse = (why: string) => () => {
    throw new Refusal(why)
  }

  return {
    request: (options: RequestOptions) => {
      program.record('request', { url: options.url, method: options.method, data: options.data })
      return bridgeRequest(program, settings, options)
    },
    login: api('login', () => ({ code: `dev:${settings.wechatUser}` })),
    getLocation: api('getLocation', () => {
      if (settings.location === 'denied') throw new Refusal('auth deny')
      return { ...settings.location, speed: -1, accuracy: 30, altitude: 0 }
    }),
    showModal: api('showModal', () => ({
      confirm: settings.modalConfirms,
      cancel: !settings.modalConfirms,
    })),
    navigateTo: navigation('navigateTo', (o) => program.pages.navigateTo(String(o.url))),
    redirectTo: navigation('redirectTo', (o) => program.pages.redirectTo(String(o.url))),
    switchTab: navigation('switchTab', (o) => program.pages.switchTab(String(o.url))),
    reLaunch: navigation('reLaunch', (o) => program.pages.reLaunch(String(o.url))),
    navigateBack: navigation('navigateBack', (o) =>
      program.pages.navigateBack(Number(o.delta ?? 1)),
    ),
    ...Object.fromEntries(
      [
        'showToast',
        'hideToast',
        'showLoading',
        'hideLoading',
        'pageScrollTo',
        'setClipboardData',
        'makePhoneCall',
        'openLocation',
        'openSetting',
        'openPrivacyContract',
        'stopPullDownRefresh',
      ].map((name) => [name, api(name)]),
    ),
    // The person backs out of each picker. Files (uploadFile, downloadFile…) are not
    // modelled: Taro then warns that the API is unsupported, which fails the test.
    chooseLocation: api('chooseLocation', refuse('cancel')),
    scanCode: api('scanCode', async () => {
      if (!settings.scan) throw new Refusal('cancel')
      return { result: await settings.scan(), scanType: 'QR_CODE', charSet: 'utf-8' }
    }),
    chooseMessageFile: api('chooseMessageFile', refuse('cancel')),
    chooseImage: api('chooseImage', refuse('cancel')),
    onNeedPrivacyAuthorization: sync('onNeedPrivacyAuthorization', () => undefined),
    // Storage keeps what JSON keeps, as WeChat's does; a missing key reads as ''.
    setStorageSync: sync('setStorageSync', (key, value) => {
      storage.set(String(key), JSON.stringify(value))
    }),
    getStorageSync: sync('getStorageSync', (key) => {
      const stored = storage.get(String(key))
      return stored === undefined ? '' : program.toVm(JSON.parse(stored))
    }),
    removeStorageSync: sync('removeStorageSync', (key) => {
      storage.delete(String(key))
    }),
    clearStorageSync: sync('clearStorageSync', () => storage.clear()),
  }
}

async function respond(
  program: MiniProgram,
  name: string,
  options: Options,
  answer: (options: Options) => Answer | Promise<Answer>,
): Promise<void> {
  // WeChat answers on a later turn, never inside the call.
  await new Promise((resolve) => setTimeout(resolve, 0))
  let result: Record<string, unknown>
  let ok = true
  try {
    result = { ...(await answer(options)), errMsg: `${name}:ok` }
  } catch (error) {
    ok = false
    const expected = error instanceof Refusal || error instanceof NavigationError
    if (!expected) program.report(`wx.${name}: ${String(error)}`)
    result = { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` }
  }
  const callback = ok ? options.success : options.fail
  program.guard(`wx.${name} ${ok ? 'success' : 'fail'}`, () => callback?.(program.toVm(result)))
  program.guard(`wx.${name} complete`, () => options.complete?.(program.toVm(result)))
}
