import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starting embedded PostgreSQL (WASM) takes seconds alone and over a minute while every
    // package's tests run at once on two cores; the suites open several.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
