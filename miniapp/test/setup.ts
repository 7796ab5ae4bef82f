import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { rememberDemoMode } from '../src/hooks/useDemoMode'
import { setAccessTokenProvider, setTokenRefresher } from '../src/services/http'
import { sessionStore } from '../src/services/session'
import { storage } from './mocks/taro'

// A server known not to run demo data: pages do not ask /status unless a test wants them to.
beforeEach(() => {
  rememberDemoMode(false)
})

afterEach(() => {
  cleanup()
  sessionStore.clear()
  storage.clear()
  setAccessTokenProvider()
  setTokenRefresher()
})
