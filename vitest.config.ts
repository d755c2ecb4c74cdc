import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// One project per package so each runs in the environment it ships for:
// server and protocol in plain Node, everything that touches the DOM in happy-dom.
const nodePackages = ['protocol', 'server'];
const domPackages = ['core', 'ui', 'blocker', 'vendors', 'proof', 'browser', 'react', 'assembly', 'network-wall', 'vue', 'tcf'];

const quiet = fileURLToPath(new URL('./test/happy-dom-quiet.ts', import.meta.url));
const jsx = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };

export default defineConfig({
  oxc: jsx,
  test: {
    projects: [
      {
        test: { name: 'workspace', root: '.', include: ['test/**/*.test.ts'], exclude: ['test/shells/**'], environment: 'node' },
      },
      {
        // Every shell side by side in one page (the one door's tests): Svelte's plugin compiles its components.
        plugins: [svelte(), svelteTesting()],
        test: { name: 'shells', root: '.', include: ['test/shells/*.test.ts'], environment: 'happy-dom', setupFiles: [quiet] },
      },
      ...nodePackages.map((name) => ({
        oxc: jsx,
        test: {
          name,
          root: `packages/${name}`,
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      })),
      ...domPackages.map((name) => ({
        oxc: jsx,
        test: {
          name,
          root: `packages/${name}`,
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: [quiet],
        },
      })),
      {
        // Svelte components are compiled by Svelte's own Vite plugin, as in an app.
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'svelte',
          root: 'packages/svelte',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: [quiet],
        },
      },
      {
        // `consentry scan` in Node: units, and real Chromium against fixture sites (scans the built script tag).
        test: {
          name: 'scanner',
          root: 'packages/scanner',
          include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The console in real Chromium, served by the consent server with the built guard (docs/console.md).
        test: {
          name: 'server-e2e',
          root: 'packages/server',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Real Chromium against the built script-tag file (`pnpm build` first; `pnpm test` does).
        test: {
          name: 'e2e',
          root: 'packages/browser',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.{ts,tsx}'],
      exclude: ['**/*.test.{ts,tsx}', '**/test-utils/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
});
