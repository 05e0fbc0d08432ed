import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // the client tests start SMTP servers: one file at a time on 2 cores
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
