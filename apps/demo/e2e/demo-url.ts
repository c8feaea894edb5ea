/** The demo server's page URL (Playwright's webServer sets DEMO_PORT from its stdout). */
export function demoUrl(path = '/'): string {
  const port = process.env.DEMO_PORT;
  if (!port) throw new Error('DEMO_PORT is not set: run this through playwright.config.ts');
  return `http://127.0.0.1:${port}${path}`;
}
