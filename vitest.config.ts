import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: pure code, storage + API (run on SQLite by default and on PostgreSQL
// with MAKEGOOD_TEST_DB=pg), and web components in jsdom. e2e has its own config.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/engine/**/*.test.ts', 'src/domain/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/config/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'storage-api',
          include: ['src/storage/**/*.test.ts', 'src/server/**/*.test.ts', 'src/bootstrap/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['src/web/**/*.test.tsx', 'src/web/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['src/web/test-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
