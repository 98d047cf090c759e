import { defineConfig } from 'vitest/config';

// Browser tests: a real `makegood serve` on a temp data folder, driven through Debian's Chromium.
// One file at a time (each starts a server and a browser on 2 shared cores).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
