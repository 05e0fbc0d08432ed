import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // integration tests start the built binary (and embedded PostgreSQL) as subprocesses
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
