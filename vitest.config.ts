import { defineConfig } from 'vitest/config';

// Three suites: `unit` runs on a fresh clone; `realdata` reads ../shared/realdata;
// `e2e` and `clickhouse` need Debian packages that .ci/run installs.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      { test: { name: 'realdata', include: ['test/realdata/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180_000, fileParallelism: false } },
      { test: { name: 'clickhouse', include: ['test/clickhouse/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
