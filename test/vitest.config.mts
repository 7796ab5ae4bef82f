import { defineConfig } from 'vitest/config'

// End-to-end: one real server and one real browser per file, so files run one at a time.
// Each file's server starts from a copy of one demo data folder made for the run.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
