import { type Browser, type BrowserContextOptions, expect, type Page, test } from '@playwright/test';
import { demoUrl } from './demo-url.ts';

/** The phone viewport every tab is checked at (an iPhone 12-14 sized screen). */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** A desktop viewport. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** A demo page in its own browser context (its own "tab"), with the console errors it logged. */
export interface DemoPage {
  page: Page;
  /** Console errors and uncaught exceptions, which must stay empty. */
  errors: string[];
}

/**
 * Opens the demo on tab `hash` (`"chat"`, `"game"`...) in a new context; close it with `page.context().close()`.
 * `query` is added to the page's URL (`?server=ws://...` points its WebSockets elsewhere).
 */
export async function openDemo(browser: Browser, hash: string, options: BrowserContextOptions = DESKTOP, query = '') {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(demoUrl(`/${query}#${hash}`));
  await expect(page.getByRole('tab', { name: capitalize(hash), selected: true })).toBeVisible();
  return { page, errors } satisfies DemoPage;
}

/**
 * Saves a screenshot as a test artifact and returns its path: the whole page on a desktop, what
 * the screen shows on a phone (its status bar sticks to the bottom of the screen).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = test.info().outputPath(`${name}.png`);
  const phone = (page.viewportSize()?.width ?? 1000) < 600;
  await page.screenshot({ path, fullPage: !phone, animations: 'disabled', caret: 'hide' });
  return path;
}

/** Checks that the page fits its viewport (no sideways scrolling) and that every control has a name. */
export async function expectReadable(page: Page): Promise<void> {
  const { overflow, unnamed } = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('input, select, button')];
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      unnamed: controls
        .filter((c) => c.offsetParent !== null)
        .filter((c) => {
          const labelled = 'labels' in c && (c as HTMLInputElement).labels?.length;
          return !labelled && !c.getAttribute('aria-label') && (c.textContent ?? '').trim() === '';
        })
        .map((c) => c.outerHTML),
    };
  });
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  expect(unnamed, 'controls without an accessible name').toEqual([]);
}

/** The numeric peer id shown in the status bar. */
export async function statusPeerId(page: Page): Promise<number> {
  await expect(page.locator('#status-peer')).toHaveText(/^\d+$/);
  return Number(await page.locator('#status-peer').textContent());
}

/** The WebSocket URL of a demo server endpoint, for clients outside the browser. */
export function wsUrl(path: string): string {
  return demoUrl(path).replace(/^http/, 'ws');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
