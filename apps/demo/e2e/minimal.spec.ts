import { expect, test } from '@playwright/test';
import { demoUrl } from './demo-url.ts';

test('the minimal client connects to /echo and gets its message back', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(demoUrl());
  await page.locator('#minimal-text').fill('ping from playwright ✓');
  await page.locator('#minimal-connect').click();
  const log = page.locator('#minimal-log');
  await expect(log).toContainText('Connected with protocol: ');
  await expect(log).toContainText('Got data from server: ping from playwright ✓');
  await page.locator('#minimal-text').fill('second message');
  await page.locator('#minimal-send').click();
  await expect(log).toContainText('Got data from server: second message');
  await expect(page.locator('#status')).toHaveText('state: open');
  await page.screenshot({ path: test.info().outputPath('minimal.png'), fullPage: true });
  expect(errors).toEqual([]);
});
