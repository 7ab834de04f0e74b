import { defineConfig } from 'vitest/config'

/**
 * Browser tests: the real server on an empty embedded database, driven through Debian's Chromium.
 * One file at a time: each starts its own server and browser, and two Chromiums fight for two cores.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
})
