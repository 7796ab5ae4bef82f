import { defineConfig } from 'vitest/config'

// The WeChat build in a stand-in for WeChat: one server and one WXML compile for all files.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // harness.test.ts rejects a promise on purpose to see the harness report it.
    onUnhandledError: (error) => !String(error.message).includes('weapp-harness-probe'),
  },
})
