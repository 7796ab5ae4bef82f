/** Stand-ins for the `@tarojs/taro` APIs the app calls; tests set their behaviour. */
import { useEffect } from 'react'
import { vi } from 'vitest'

/** What Taro storage holds; test/setup.ts empties it after every test. */
export const storage = new Map<string, unknown>()

const Taro = {
  request: vi.fn(),
  login: vi.fn(),
  showModal: vi.fn(async () => ({ confirm: false, cancel: true })),
  showToast: vi.fn(async () => ({})),
  setClipboardData: vi.fn(async () => ({})),
  navigateTo: vi.fn(async () => ({})),
  navigateBack: vi.fn(async () => ({})),
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

/** The page is shown once, when it mounts. */
export function useDidShow(callback: () => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, like a first show
  useEffect(() => callback(), [])
}

export function useLoad(callback: () => void): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, like onLoad
  useEffect(() => callback(), [])
}

export default Taro
