import { expect, test } from '@playwright/test';
import { startTcpProxy, type TcpProxy } from '@wspeer/test-kit/node';
import { DESKTOP, openDemo, PHONE, statusPeerId } from './demo-page.ts';
import { game } from './game-controls.ts';

// Alice reaches the demo server through a TCP proxy the test controls: it can reset her connection or
// swallow it silently. (Playwright's setOffline does not close open WebSockets: it only fires the
// page's offline / online events and makes new connections fail.)
let proxy: TcpProxy;
test.beforeEach(async () => {
  proxy = await startTcpProxy(Number(process.env.DEMO_PORT));
});
test.afterEach(() => proxy.close());

/** Console errors a dropped WebSocket makes Chromium print: expected here, nothing else is. */
const DROP_NOISE = /WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION/;

for (const wire of ['godot3', 'godot4'] as const) {
  test(`${wire}: a player whose connection drops comes back within the grace with the same id and turn`, async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const alicePage = await openDemo(browser, 'game', DESKTOP, `?server=ws://127.0.0.1:${proxy.port}`);
    const bobPage = await openDemo(browser, 'game', PHONE);
    const alice = game(alicePage.page);
    const bob = game(bobPage.page);
    await alice.join('alice', wire);
    const aliceId = await statusPeerId(alicePage.page);
    await bob.join('bob', wire);
    await expect(alice.turn).toHaveText('Your turn: roll the dice!');

    // A reset under alice: she resumes at once, still herself, still holding the turn.
    expect(proxy.destroyAll()).toBeGreaterThan(0);
    await expect(alice.log).toContainText(`Back in the game as player #${aliceId}`);
    await expect(alice.turn).toHaveText('Your turn: roll the dice!');
    await alice.roll.click();
    await expect(bob.log.locator('li', { hasText: /^alice: rolls \d+$/ })).toHaveCount(1);

    // A silent link while the page is offline: her beats go unanswered, she drops it and retries;
    // back online, she resumes at once.
    await alicePage.page.context().setOffline(true);
    proxy.blackhole();
    await expect(alice.log).toContainText('Connection lost: reconnecting', { timeout: 10_000 });
    await bob.roll.click();
    await alicePage.page.context().setOffline(false);
    await expect(alice.log.locator('li', { hasText: `Back in the game as player #${aliceId}` })).toHaveCount(2, {
      timeout: 10_000,
    });
    // What bob rolled while she was away reaches her once, and the turn is hers again.
    await expect(alice.log.locator('li', { hasText: /^bob: rolls \d+$/ })).toHaveCount(1);
    await expect(alice.turn).toHaveText('Your turn: roll the dice!');
    expect(await statusPeerId(alicePage.page)).toBe(aliceId);

    // Nobody saw her leave.
    await expect(bob.players).toHaveText([/^alice/, /^bob/]);
    await expect(bob.log).not.toContainText('alice left');
    expect(alicePage.errors.filter((e) => !DROP_NOISE.test(e))).toEqual([]);
    expect(bobPage.errors).toEqual([]);
    await alicePage.page.context().close();
    await bobPage.page.context().close();
  });
}
