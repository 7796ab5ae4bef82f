import { defineConfig } from 'vitest/config'

// End-to-end: one real server and one real browser per file, each server from a copy of
// one demo data folder made for the run. A file keeps about one core busy: two at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
})
