import { expect, test } from '@playwright/test';
import { DESKTOP, expectReadable, openDemo, PHONE, screenshot } from './demo-page.ts';

test('the minimal client talks to /mirror (lws-mirror-protocol) and /echo, and mirrors between tabs', async ({
  browser,
}) => {
  const desk = await openDemo(browser, 'minimal', DESKTOP);
  const phone = await openDemo(browser, 'minimal', PHONE);
  const { page } = desk;
  const panel = page.getByRole('tabpanel', { name: 'Minimal' });
  const phonePanel = phone.page.getByRole('tabpanel', { name: 'Minimal' });
  const log = page.locator('#minimal-log');
  await expect(page.locator('#minimal-url')).toHaveValue(/^ws:\/\/127\.0\.0\.1:\d+\/mirror$/);
  // No round-trip time while the tab is not connected (the /ping probe runs regardless).
  await expect(page.locator('#status-state')).toHaveText('closed');
  await page.waitForTimeout(1500);
  await expect(page.locator('#status-rtt')).toHaveText('—');
  await panel.getByLabel('Message').fill('ping from playwright ✓');
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(log).toContainText('Connected with protocol: lws-mirror-protocol');
  await expect(log).toContainText('Got data from server: ping from playwright ✓');
  await expect(page.locator('#status-state')).toHaveText('open');
  await expect(page.locator('#status-protocol')).toHaveText('lws-mirror-protocol');
  await expect(page.locator('#status-rtt')).toHaveText(/^\d+(\.\d)? ms$/);

  // /mirror sends every message to every client: the phone's "Test packet" reaches the desktop too.
  await phonePanel.getByRole('button', { name: 'Connect' }).click();
  await expect(phone.page.locator('#minimal-log')).toContainText('Got data from server: Test packet');
  await expect(log).toContainText('Got data from server: Test packet');
  await panel.getByLabel('Message').fill('second message');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(phone.page.locator('#minimal-log')).toContainText('Got data from server: second message');
  await expectReadable(phone.page);
  await screenshot(phone.page, 'minimal-phone');
  await screenshot(page, 'minimal-desktop');

  await panel.getByRole('button', { name: 'Disconnect' }).click();
  await expect(log).toContainText('Closed, clean: True');
  await expect(page.locator('#status-state')).toHaveText('closed');
  await expect(page.locator('#status-rtt')).toHaveText('—');
  await panel.getByLabel('Endpoint').selectOption('/echo');
  await expect(page.locator('#minimal-url')).toHaveValue(/\/echo$/);
  await panel.getByLabel('Message').fill('echo only');
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(log).toContainText(/Connected with protocol: \n?.*Got data from server: echo only/s);
  await expect(page.locator('#status-protocol')).toHaveText('(none)');
  await expect(phone.page.locator('#minimal-log')).not.toContainText('echo only');
  await expectReadable(page);

  // The tabs follow the WAI-ARIA pattern: arrow keys move between them, the hash remembers the tab.
  await page.getByRole('tab', { name: 'Minimal' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Chat' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Chat' })).toBeVisible();
  await expect(panel).toBeHidden();
  expect(new URL(page.url()).hash).toBe('#chat');
  await expect(page.locator('#status-state')).toHaveText('closed');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Game', selected: true })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('#status-state')).toHaveText('open');
  expect(desk.errors).toEqual([]);
  expect(phone.errors).toEqual([]);
  await desk.page.context().close();
  await phone.page.context().close();
});
