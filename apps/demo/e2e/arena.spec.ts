import { expect, type Page, test } from '@playwright/test';
import { type Godot4Browser, type Godot4Client, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { DESKTOP, expectReadable, openDemo, PHONE, screenshot, statusPeerId, wsUrl } from './demo-page.ts';

// One Chromium with the Godot 4.6 web build for this file (the demo pages use Playwright's own browser).
let godot4: Godot4Browser;
test.beforeAll(async () => {
  godot4 = await startGodot4Browser();
});
test.afterEach(() => godot4.stopAll());
test.afterAll(() => godot4?.close());

/** The x or y the page lists for dot `id` (the list under the canvas mirrors what is drawn). */
async function coord(page: Page, id: number, axis: 'x' | 'y'): Promise<number> {
  const item = page.locator(`#arena-players li[data-id="${id}"]`);
  return Number(await item.getAttribute(`data-${axis}`));
}

/** Waits until Godot reports dot `id` (not its own) at a position passing `ok`. */
function godotSees(godot: Godot4Client, id: number, ok: (x: number, y: number) => boolean) {
  return godot.waitFor((e) => e.event === 'moved' && e.name === String(id) && ok(Number(e.x), Number(e.y)), 15_000);
}

test('browsers and a live Godot 4.6 client share the arena: each sees the others move', async ({ browser }) => {
  test.setTimeout(120_000);
  const alice = await openDemo(browser, 'arena', DESKTOP);
  const bob = await openDemo(browser, 'arena', PHONE);
  await alice.page.locator('#arena-join').click();
  await bob.page.locator('#arena-join').click();
  const aliceId = await statusPeerId(alice.page);
  const bobId = await statusPeerId(bob.page);
  for (const { page } of [alice, bob]) await expect(page.locator('#arena-players li')).toHaveCount(2);
  await expect(alice.page.locator(`#arena-players li[data-id="${aliceId}"]`)).toContainText('(you)');

  // A Godot 4 game with only the stock spawner and synchronizer nodes joins, driving its dot right.
  const godot = await godot4.start('arena', { url: wsUrl('/arena'), drive: '1,0', lifetime: 90 }, 100_000);
  const godotId = Number((await godot.waitFor('connected_to_server', 30_000)).id);
  for (const { page } of [alice, bob]) await expect(page.locator('#arena-players li')).toHaveCount(3);
  // Godot's lines reach us through its page's console, possibly after the pages have drawn the third dot: wait for them.
  await expect
    .poll(() => new Set(godot.all('spawned').map((e) => Number(e.name))), { timeout: 15_000 })
    .toEqual(new Set([aliceId, bobId, godotId]));
  const start = await coord(alice.page, godotId, 'x');
  for (const { page } of [alice, bob]) {
    await expect.poll(() => coord(page, godotId, 'x'), { timeout: 10_000 }).toBeGreaterThan(start + 30);
  }

  // Alice holds the left arrow: her dot moves left on the server, on bob's page and in Godot.
  const aliceX = await coord(alice.page, aliceId, 'x');
  await alice.page.keyboard.down('ArrowLeft');
  await godotSees(godot, aliceId, (x) => x < aliceX - 20);
  await alice.page.keyboard.up('ArrowLeft');
  await expect.poll(() => coord(bob.page, aliceId, 'x'), { timeout: 5_000 }).toBeLessThan(aliceX - 20);

  // Bob holds a finger on the arena above his dot: it moves up, and Godot sees it.
  const bobY = await coord(bob.page, bobId, 'y');
  const box = await bob.page.locator('#arena-canvas').boundingBox();
  if (box === null) throw new Error('no arena canvas');
  const bobX = await coord(bob.page, bobId, 'x');
  const touch = { x: box.x + (bobX / 640) * box.width, y: box.y + 2 };
  const cdp = await bob.page.context().newCDPSession(bob.page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [touch] });
  await godotSees(godot, bobId, (_x, y) => y < bobY - 20);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(() => coord(alice.page, bobId, 'y'), { timeout: 5_000 }).toBeLessThan(bobY - 20);

  await screenshot(alice.page, 'arena-desktop');
  await screenshot(bob.page, 'arena-phone');
  for (const { page } of [alice, bob]) await expectReadable(page);

  // Godot leaves: its dot goes from every page.
  await godot.stop();
  for (const { page } of [alice, bob]) await expect(page.locator('#arena-players li')).toHaveCount(2);
  expect([...alice.errors, ...bob.errors]).toEqual([]);
  await alice.page.context().close();
  await bob.page.context().close();
});
