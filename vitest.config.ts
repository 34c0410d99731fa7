import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['runtime/**/*.test.ts', 'plugins/**/*.test.ts', 'tests/**/*.test.ts', 'examples/**/*.test.ts', 'ui/**/*.test.ts'],
    globalSetup: ['tests/e2e/build-ui.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Suites start real servers and databases; two forks match the two cores here.
    pool: 'forks',
    maxWorkers: 2,
  },
});
