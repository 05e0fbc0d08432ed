import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starting embedded PostgreSQL (WASM) takes seconds on a busy machine; the suites open several.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
