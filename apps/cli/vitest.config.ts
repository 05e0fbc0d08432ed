import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@regiokit/source'] },
  ssr: { resolve: { conditions: ['@regiokit/source'] } },
  test: {
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/**/*.int.test.ts'],
          // these start the built binary (and embedded PostgreSQL) as subprocesses
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
