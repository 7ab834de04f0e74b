import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own databases; two workers match the two cores.
    maxWorkers: 2,
    pool: 'forks',
  },
})
