import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each PGlite is ~200 MB and a CPU-bound WASM engine; two cores run two files at once.
    maxWorkers: 2,
    // Vitest keeps each module as it transformed it (TypeScript, JSX) between runs, keyed by its
    // content and the configuration, so a run only transforms what changed since the last.
    experimental: { fsModuleCache: true, fsModuleCachePath: 'tests/.tmp/vitest-module-cache' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          isolate: false,
          environment: 'node',
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          // Files share a worker's module cache: the app is imported once per worker, not once per
          // file. Every file still gets its own real database (tests/support/database.ts).
          isolate: false,
          // Some tests start the real server (initdb, migrations, the demo seed) as a child process.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Whole journeys in a real browser; on a busy 2-core machine one can take minutes.
          testTimeout: 240_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
    ],
  },
});
