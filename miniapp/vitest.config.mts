import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const local = (file: string) => fileURLToPath(new URL(file, import.meta.url))

// Taro's own test utils target 3.6; components and APIs are replaced by small mocks instead.
export default defineConfig({
  resolve: {
    alias: {
      '@tarojs/components': local('./test/mocks/taro-components.tsx'),
      '@tarojs/taro': local('./test/mocks/taro.ts'),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    css: false,
    mockReset: true,
    unstubEnvs: true,
  },
})
