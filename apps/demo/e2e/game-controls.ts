import { expect, type Page } from '@playwright/test';

/** The Game tab's controls on `page`, and the steps a user takes there. */
export function game(page: Page) {
  const panel = page.getByRole('tabpanel', { name: 'Game' });
  return {
    panel,
    log: panel.getByRole('log', { name: 'Log' }),
    players: panel.locator('#game-players > li'),
    current: panel.locator('#game-players > li[aria-current="true"]'),
    turn: panel.locator('#game-turn'),
    roll: panel.getByRole('button', { name: 'Roll', exact: true }),
    cheat: panel.getByRole('button', { name: 'Roll out of turn' }),
    /** Joins as `name` over `wire` (the select's value: `godot3` or `godot4`). */
    async join(name: string, wire: 'godot3' | 'godot4' = 'godot3') {
      await panel.getByLabel('Your name').fill(name);
      await panel.getByLabel('Wire').selectOption(wire);
      await panel.getByRole('button', { name: 'Join' }).click();
      await expect(this.players.filter({ hasText: `${name} (you)` })).toBeVisible();
    },
  };
}
