import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

/**
 * The demo's end-to-end tests in Chromium. The demo server is started on a free port; Playwright
 * hands the port to tests as DEMO_PORT. One worker: the tests share the server's chat rooms and
 * its single dice game. Screenshots go to test-results/<test>/ (`test.info().outputPath`).
 */
export default defineConfig({
  testDir: 'apps/demo/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  retries: 0,
  workers: 1,
  fullyParallel: false,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  webServer: [
    {
      name: 'demo',
      command: 'node apps/server/dist/cli.js --port 0 --host 127.0.0.1',
      wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<demo_port>\d+)\// },
      gracefulShutdown: { signal: 'SIGTERM', timeout: 3_000 },
      timeout: 15_000,
      stdout: 'pipe',
    },
  ],
});
