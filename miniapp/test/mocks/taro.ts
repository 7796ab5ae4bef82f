/** Stand-ins for the `@tarojs/taro` APIs the app calls; tests set their behaviour. */
import { useEffect, useRef } from 'react'
import { vi } from 'vitest'

/** What Taro storage holds; test/setup.ts empties it after every test. */
export const storage = new Map<string, unknown>()

/** Taro's event bus: a plain one, so a trigger reaches the listeners as in the app. */
const listeners = new Map<string, Set<() => void>>()
const eventCenter = {
  on: (event: string, listener: () => void) => {
    const set = listeners.get(event) ?? new Set()
    set.add(listener)
    listeners.set(event, set)
  },
  off: (event: string, listener: () => void) => listeners.get(event)?.delete(listener),
  trigger: (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener()
  },
}

const Taro = {
  eventCenter,
  request: vi.fn(),
  login: vi.fn(),
  showModal: vi.fn(async () => ({ confirm: false, cancel: true })),
  showToast: vi.fn(async () => ({})),
  setClipboardData: vi.fn(async () => ({})),
  navigateTo: vi.fn(async () => ({})),
  navigateBack: vi.fn(async () => ({})),
  redirectTo: vi.fn(async () => ({})),
  pageScrollTo: vi.fn(async () => ({})),
  uploadFile: vi.fn(),
  downloadFile: vi.fn(),
  shareFileMessage: vi.fn(async () => ({})),
  showLoading: vi.fn(async () => ({})),
  hideLoading: vi.fn(async () => ({})),
  saveImageToPhotosAlbum: vi.fn(async () => ({})),
  openDocument: vi.fn(async () => ({})),
  previewImage: vi.fn(async () => ({})),
  chooseMessageFile: vi.fn(),
  chooseLocation: vi.fn(),
  getLocation: vi.fn(),
  openLocation: vi.fn(async () => ({})),
  openSetting: vi.fn(async () => ({})),
  makePhoneCall: vi.fn(async () => ({})),
  getFileSystemManager: vi.fn(() => ({ readFileSync: vi.fn(() => '') })),
  switchTab: vi.fn(async () => ({})),
  getCurrentPages: vi.fn((): unknown[] => [{}, {}]),
  openPrivacyContract: vi.fn(),
  onNeedPrivacyAuthorization: vi.fn(),
  // Like Taro's, a missing key reads as ''.
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => {
    storage.set(key, structuredClone(value))
  }),
  removeStorageSync: vi.fn((key: string) => {
    storage.delete(key)
  }),
}

/** The page is shown when it mounts, and again whenever a test fires `didShow`. */
export function useDidShow(callback: () => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, like a first show
  useEffect(() => callback(), [])
  useLifecycle('didShow', callback)
}

/** Page lifecycles a test fires itself: `fire('didHide')`, `fire('reachBottom')`. */
const lifecycle = new Map<string, Set<() => void>>()

export function fire(event: 'didShow' | 'didHide' | 'unload' | 'reachBottom'): void {
  for (const callback of lifecycle.get(event) ?? []) callback()
}

function useLifecycle(event: string, callback: () => void): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const call = () => latest.current()
    const set = lifecycle.get(event) ?? new Set()
    lifecycle.set(event, set.add(call))
    return () => {
      set.delete(call)
    }
  }, [event])
}

export const useDidHide = (callback: () => void) => useLifecycle('didHide', callback)
export const useUnload = (callback: () => void) => useLifecycle('unload', callback)
export const useReachBottom = (callback: () => void) => useLifecycle('reachBottom', callback)

/** The page's query; a test sets it before rendering the page. */
export const routerParams: Record<string, string | undefined> = {}

export function useRouter() {
  return { params: routerParams, path: '' }
}

/** The page being shown, with the config its index.config.ts gives it. */
export function getCurrentInstance() {
  return {
    page: { config: { navigationBarTitleText: '测试页' } },
    router: { params: routerParams },
  }
}

export function useLoad(callback: () => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, like onLoad
  useEffect(() => callback(), [])
}

export default Taro
