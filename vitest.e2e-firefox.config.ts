import { defineConfig } from 'vitest/config';

/** End-to-end in Firefox: the Firefox build (.output/firefox-mv2) in Debian Firefox ESR over WebDriver BiDi, one browser at a time. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.firefox.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globals: true,
  },
});
