import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { setAccessTokenProvider, setTokenRefresher } from '../src/services/http'
import { sessionStore } from '../src/services/session'
import { storage } from './mocks/taro'

afterEach(() => {
  cleanup()
  sessionStore.clear()
  storage.clear()
  setAccessTokenProvider()
  setTokenRefresher()
})
