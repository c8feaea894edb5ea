import { expect, test } from '@playwright/test';
import { type Godot4Browser, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { DESKTOP, expectReadable, openDemo, PHONE, screenshot, statusPeerId, wsUrl } from './demo-page.ts';
import { game } from './game-controls.ts';

// One Chromium with the Godot 4.6 web build for this file (the demo pages use Playwright's own browser).
let godot4: Godot4Browser;
test.beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
test.afterEach(() => godot4.stopAll());
test.afterAll(() => godot4?.close());

test('two browsers and a live Godot 4.6 player play a round on /game4; a cheat is refused; Godot leaves', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const alicePage = await openDemo(browser, 'game', DESKTOP);
  const bobPage = await openDemo(browser, 'game', PHONE);
  const alice = game(alicePage.page);
  const bob = game(bobPage.page);
  await alice.join('alice', 'godot4');
  await expect(alicePage.page.locator('#status-protocol')).toHaveText('ludus');
  await expect(alice.turn).toHaveText('Your turn: roll the dice!');
  await bob.join('bob', 'godot4');
  const bobId = await statusPeerId(bobPage.page);
  await expect(bob.turn).toHaveText('alice’s turn');

  // The Godot 4 demo's player joins third and first tries to roll out of turn.
  const godot = await godot4.start('dice', {
    url: wsUrl('/game4'),
    name: 'godot',
    cheat: 1,
    roll_delay: 0.6,
    lifetime: 90,
  });
  const godotId = Number((await godot.waitFor('connected', 30_000)).id);
  for (const page of [alice, bob]) {
    await expect(page.players).toHaveText([/^alice/, /^bob/, /^godot/]);
    await expect(page.log).toContainText(`Someone is trying to cheat! ${godotId}`);
  }
  await godot.waitFor((e) => e.event === 'log' && e.text === `Someone is trying to cheat! ${godotId}`);
  expect(godot.all('add_player').map((e) => e.name)).toEqual(['alice', 'bob', '']);

  // A full round: alice, bob, then Godot, whose roll the host accepts on its turn.
  await alice.roll.click();
  await expect(bob.log.locator('li', { hasText: /^alice: rolls \d+$/ })).toHaveCount(1);
  await godot.waitFor((e) => e.event === 'log' && /^alice: rolls \d+$/.test(String(e.text)));
  await expect(bob.turn).toHaveText('Your turn: roll the dice!');
  await bob.roll.click();
  await godot.waitFor((e) => e.event === 'set_turn' && e.mine === true);
  await expect(alice.log.locator('li', { hasText: /^godot: rolls \d+$/ })).toHaveCount(1);
  await expect(bob.log.locator('li', { hasText: /^godot: rolls \d+$/ })).toHaveCount(1);
  await expect(alice.turn).toHaveText('Your turn: roll the dice!');
  await godot.waitFor((e) => e.event === 'log' && /^godot: rolls \d+$/.test(String(e.text)));

  // A browser cheating on the Godot 4 wire: refused, for the Godot player to read too.
  await bob.cheat.click();
  await expect(alice.log).toContainText(`Someone is trying to cheat! ${bobId}`);
  await godot.waitFor((e) => e.event === 'log' && e.text === `Someone is trying to cheat! ${bobId}`);

  await expectReadable(alicePage.page);
  await screenshot(alicePage.page, 'game4-desktop');
  await screenshot(bobPage.page, 'game4-phone');

  // Godot leaves: both pages drop it, and the game goes on.
  await godot.stop();
  for (const page of [alice, bob]) {
    await expect(page.players).toHaveText([/^alice/, /^bob/]);
    await expect(page.log).toContainText('godot left');
  }
  await alice.roll.click();
  await expect(bob.log.locator('li', { hasText: /^alice: rolls \d+$/ })).toHaveCount(2);
  expect([...alicePage.errors, ...bobPage.errors]).toEqual([]);
  await alicePage.page.context().close();
  await bobPage.page.context().close();
});
