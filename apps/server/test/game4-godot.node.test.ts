/**
 * `/game4` with live Godot 4.6 players (the test kit's `dice` probe: the Godot 4 demo's game node
 * and its main.gd's moves): two Godot clients take turns with the Node host, a cheat is refused for
 * everyone to see, and a Godot player leaving passes the turn on.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoServer, startDemoServer } from '@wspeer/demo-server';
import { type Godot4Browser, startGodot4Browser } from '@wspeer/test-kit/godot4';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

let godot4: Godot4Browser;
let demo: DemoServer;
const lines: string[] = [];
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wspeer-demo-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', staticRoot: root, log: (l) => lines.push(l) });
  godot4 = await startGodot4Browser();
});
afterEach(() => godot4.stopAll());
afterAll(async () => {
  await godot4?.close();
  await demo?.close();
});

const ROLL = /^(ada|grace): rolls \d+$/;

it('two Godot 4.6 players of the demo play rounds against the Node host; a cheat is refused; a leave passes the turn', {
  timeout: 90_000,
}, async () => {
  const url = `ws://127.0.0.1:${demo.port}/game4`;
  const ada = await godot4.start('dice', { url, name: 'ada', roll_delay: 0.2, lifetime: 60 });
  const adaId = Number((await ada.waitFor('connected', 30_000)).id);
  await ada.waitFor((e) => e.event === 'set_turn' && e.mine === true, 10_000);
  const grace = await godot4.start('dice', { url, name: 'grace', roll_delay: 0.2, rolls: 2, cheat: 1, lifetime: 60 });
  const graceId = Number((await grace.waitFor('connected', 30_000)).id);

  // Both see both, with names; grace's out-of-turn roll is refused and everyone reads why.
  for (const godot of [ada, grace]) {
    await godot.waitFor((e) => e.event === 'update_player_name' && e.id === graceId && e.name === 'grace', 10_000);
  }
  expect(grace.all('add_player').map((e) => e.id)).toEqual([adaId, graceId]);
  expect(grace.all('add_player')[0]).toMatchObject({ name: 'ada' });
  for (const godot of [ada, grace]) {
    await godot.waitFor((e) => e.event === 'log' && e.text === `Someone is trying to cheat! ${graceId}`, 10_000);
  }

  // Rounds: each rolls on its turn; grace stops after two rolls and leaves.
  await ada.waitFor(() => ada.all('log').filter((e) => /^grace: rolls/.test(String(e.text))).length === 2, 20_000);
  expect(demo.game4.game.names.get(adaId)).toBe('ada');
  await grace.stop();
  await ada.waitFor((e) => e.event === 'del_player' && e.id === graceId, 10_000);
  const before = ada.all('log').filter((e) => /^ada: rolls/.test(String(e.text))).length;
  await ada.waitFor(() => ada.all('log').filter((e) => /^ada: rolls/.test(String(e.text))).length > before, 10_000);
  expect(demo.game4.game.players).toEqual([adaId]);
  const rolls = ada.all('log').filter((e) => ROLL.test(String(e.text)));
  expect(rolls.length).toBeGreaterThanOrEqual(4);
  expect(lines).toContain(`[game4] player ${graceId} left (1 playing)`);
});
