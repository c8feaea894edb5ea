import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const shared = ['packages/*/test/**/*.test.ts'];
const nodeOnly = ['packages/*/test/**/*.node.test.ts', 'apps/*/test/**/*.node.test.ts'];
/** Adversarial tests: Node only, one file at a time, after the others (`npm test` runs them in their own step). */
const attack = ['packages/*/test/**/*.attack.node.test.ts', 'apps/*/test/**/*.attack.node.test.ts'];
const globalSetup = ['./vitest.global-setup.ts', './packages/test-kit/src/rpc-global-setup.ts'];

export default defineConfig({
  test: {
    testTimeout: 15_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: shared, exclude: nodeOnly, globalSetup } },
      {
        extends: true,
        // Pre-bundle every dependency the browser tests reach, so Vite never reloads mid-run.
        optimizeDeps: { include: ['fast-check'] },
        test: {
          name: 'chromium',
          include: shared,
          exclude: nodeOnly,
          globalSetup,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
          },
        },
      },
      {
        extends: true,
        test: { name: 'node-only', environment: 'node', include: nodeOnly, exclude: attack, globalSetup },
      },
      {
        extends: true,
        test: {
          name: 'attack',
          environment: 'node',
          include: attack,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['./vitest.attack-setup.ts'],
        },
      },
    ],
  },
});
