import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // integration tests start worker processes and SMTP servers: one file at a time on 2 cores
    fileParallelism: false,
    testTimeout: 120_000,
    // a fresh PGlite folder takes over a minute to start while every package's tests run at once
    hookTimeout: 180_000,
  },
});
