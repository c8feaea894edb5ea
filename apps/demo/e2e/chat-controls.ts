import { expect, type Page } from '@playwright/test';

const startsWith = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The Chat tab's controls on `page`, and the steps a user takes there. */
export function chat(page: Page) {
  const panel = page.getByRole('tabpanel', { name: 'Chat' });
  return {
    panel,
    log: panel.getByRole('log', { name: 'Messages' }),
    peers: panel.locator('#chat-peers'),
    /** The log line that starts with `text`. */
    line: (text: string) => panel.getByRole('log', { name: 'Messages' }).locator('li', { hasText: startsWith(text) }),
    async join(nick: string, multiplayer = false) {
      await panel.getByLabel('Nickname').fill(nick);
      await panel.getByLabel('Multiplayer API').setChecked(multiplayer);
      await panel.getByRole('button', { name: 'Connect' }).click();
      await expect(panel.getByRole('button', { name: 'Disconnect' })).toBeVisible();
    },
    async say(text: string) {
      await panel.getByLabel('Message', { exact: true }).fill(text);
      await panel.getByRole('button', { name: 'Send' }).click();
      await expect(panel.getByLabel('Message', { exact: true })).toHaveValue('');
    },
  };
}
