import { defineConfig } from 'vitest/config';

/** End-to-end: the built extension (.output/chrome-mv3) in real Chromium, one browser at a time. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globals: true,
  },
});
