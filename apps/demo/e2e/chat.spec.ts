import { expect, test } from '@playwright/test';
import { chat } from './chat-controls.ts';
import { DESKTOP, expectReadable, openDemo, PHONE, screenshot, statusPeerId, wsUrl } from './demo-page.ts';
import { GodotPool } from './godot-pool.ts';

const godots = new GodotPool();
test.afterEach(() => godots.stopAll());

test('raw mode: two browsers and a Godot 3 client chat in text and binary frames', async ({ browser }) => {
  const alicePage = await openDemo(browser, 'chat', DESKTOP);
  const bobPage = await openDemo(browser, 'chat', PHONE);
  const alice = chat(alicePage.page);
  const bob = chat(bobPage.page);
  await alice.join('alice');
  await expect(alice.log).toContainText('Connected with protocol: my-protocol');
  await expect(alicePage.page.locator('#status-protocol')).toHaveText('my-protocol');
  await expect(alicePage.page.locator('#status-peer')).toHaveText('—');
  await bob.join('bob');
  await expect(alice.log).toContainText(/\[\d+\] connected/);

  // Godot's chat client joins the room and says hello in a binary frame (var2bytes(String)).
  const godot = godots.start('demo_chat_client.gd', {
    url: wsUrl('/chat'),
    nick: 'godot',
    say: 'hello from Godot 3.2.3',
    write_mode: 'binary',
  });
  await godot.waitFor((e) => e.event === 'connected' && e.protocol === 'my-protocol');
  for (const page of [alice, bob]) {
    await expect(page.line('godot: hello from Godot 3.2.3')).toContainText('binary');
    await expect(page.peers).toContainText('godot');
  }

  // Text frames: bob and Godot get alice's line; Godot answers the mention.
  await alice.say('hi bob and @godot');
  await expect(bob.line('alice: hi bob and @godot')).toContainText('text');
  await godot.waitFor((e) => e.event === 'received' && /Says: alice: hi bob and @godot$/.test(String(e.text)));
  expect(godot.all('received').find((e) => String(e.text).includes('alice: hi'))?.binary).toBe(false);
  await expect(alice.line('godot: heard alice: hi bob and @godot')).toBeVisible();

  // Binary frames (a Godot Variant String) from the browser, decoded by Godot with bytes2var.
  await bob.panel.getByLabel('Write mode').selectOption('binary');
  await bob.say('binary from bob ✓');
  await expect(alice.line('bob: binary from bob ✓')).toContainText('binary');
  const fromBob = await godot.waitFor(
    (e) => e.event === 'received' && String(e.text).endsWith('bob: binary from bob ✓'),
  );
  expect(fromBob.binary).toBe(true);
  await expect(alice.peers).toContainText('bob');
  await expect(bob.peers).toContainText('alice');

  await expectReadable(bobPage.page);
  await expectReadable(alicePage.page);
  await screenshot(alicePage.page, 'chat-raw-desktop');
  await screenshot(bobPage.page, 'chat-raw-phone');

  await godots.stopAll();
  await expect(alice.log).toContainText(/\[\d+\] disconnected/);
  await expect(alice.peers).not.toContainText('godot');
  expect(alicePage.errors).toEqual([]);
  expect(bobPage.errors).toEqual([]);
  await alicePage.page.context().close();
  await bobPage.page.context().close();
});

test('multiplayer mode: destinations, peer ids and a Godot 3 multiplayer client', async ({ browser }) => {
  const alicePage = await openDemo(browser, 'chat', DESKTOP);
  const bobPage = await openDemo(browser, 'chat', PHONE);
  const alice = chat(alicePage.page);
  const bob = chat(bobPage.page);
  await alice.join('alice', true);
  await expect(alice.panel.getByLabel('Write mode')).toBeDisabled();
  await expect(alice.panel.getByLabel('Destination')).toBeEnabled();
  const aliceId = await statusPeerId(alicePage.page);
  await expect(alicePage.page.locator('#status-protocol')).toHaveText('my-protocol');
  await bob.join('bob', true);
  const bobId = await statusPeerId(bobPage.page);
  await expect(alice.peers).toContainText(`#${bobId}`);
  await expect(bob.peers).toContainText(`#${aliceId}`);

  const godot = godots.start('demo_chat_client.gd', {
    url: wsUrl('/chat/mp'),
    multiplayer: 1,
    nick: 'godot',
    say: 'hello from Godot, multiplayer',
    dest: 'broadcast',
  });
  const godotId = Number((await godot.waitFor('connected')).id);
  for (const page of [alice, bob]) {
    await expect(page.line('godot: hello from Godot, multiplayer')).toContainText(`from #${godotId}`);
    await expect(page.peers).toContainText(`godot #${godotId}`);
  }

  // "Last connected" is Godot: only it gets the message, and its answer goes back to alice only.
  await alice.panel.getByLabel('Destination').selectOption('last');
  await alice.say('psst @godot');
  await expect(alice.line('alice: psst @godot')).toContainText('to godot');
  const psst = await godot.waitFor((e) => e.event === 'received' && e.text === 'alice: psst @godot');
  expect(psst.from).toBe(aliceId);
  await expect(alice.line('godot: heard alice: psst @godot')).toContainText(`from #${godotId}`);

  // "All but last connected": bob, not Godot.
  await alice.panel.getByLabel('Destination').selectOption('all-but-last');
  await alice.say('not for godot');
  await expect(bob.line('alice: not for godot')).toContainText(`from #${aliceId}`);
  await bob.say('bob to everyone');
  await expect(alice.line('bob: bob to everyone')).toBeVisible();
  await godot.waitFor((e) => e.event === 'received' && e.text === 'bob: bob to everyone' && e.from === bobId);
  expect(godot.all('received').map((e) => e.text)).not.toContain('alice: not for godot');
  await expect(bob.log).not.toContainText('psst');

  await expectReadable(bobPage.page);
  await screenshot(alicePage.page, 'chat-multiplayer-desktop');
  await screenshot(bobPage.page, 'chat-multiplayer-phone');

  await bob.panel.getByRole('button', { name: 'Disconnect' }).click();
  await expect(bob.log).toContainText('Disconnected');
  await expect(alice.peers).not.toContainText(`#${bobId}`);
  await godot.waitFor((e) => e.event === 'peer_disconnected' && e.id === bobId);
  expect(alicePage.errors).toEqual([]);
  expect(bobPage.errors).toEqual([]);
  await alicePage.page.context().close();
  await bobPage.page.context().close();
});
