import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // integration tests start embedded PostgreSQL, SMTP servers and a browser: one file at a time on 2 cores
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
