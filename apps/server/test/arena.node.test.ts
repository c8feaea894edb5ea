/**
 * The demo server's `/arena`: Godot 4 wire, SceneMultiplayer and replication, authoritative at 30 Hz.
 * Node wspeer clients join as a browser would (the same spawner and player scene), replicate their
 * input, and see the server move every dot; hostile input is made harmless.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARENA_CODEC,
  ARENA_WIDTH,
  arenaPlayerScene,
  type DemoServer,
  saneInput,
  startDemoServer,
} from '@wspeer/demo-server';
import { pollUntil } from '@wspeer/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, SceneReplicationInterface } from 'wspeer/scene';
import { Vector2 } from 'wspeer/variant';

let demo: DemoServer;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wspeer-arena-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  demo = await startDemoServer({ port: 0, host: '127.0.0.1', staticRoot: root, log: () => {} });
});
afterAll(() => demo.close());

function player() {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
  expect(peer.createClient(`ws://127.0.0.1:${demo.port}/arena`)).toBe(ErrorCode.OK);
  const scene = new SceneMultiplayer(peer, { autoPoll: true, log: null, codec: ARENA_CODEC });
  const refused: string[] = [];
  scene.on('rpc_refused', (_from, reason) => refused.push(reason));
  const replication = new SceneReplicationInterface(scene);
  const spawner = replication.spawner('Main/Spawner', { spawnPath: '../Players', scenes: [arenaPlayerScene] });
  const timer = setInterval(() => replication.process(), 1000 / 30);
  const mine = () => spawner.getNodes().find((n) => n.name === String(scene.getUniqueId()));
  return {
    scene,
    spawner,
    mine,
    refused,
    close: () => {
      clearInterval(timer);
      peer.close();
    },
  };
}

describe('/arena', () => {
  it('spawns a dot per player, moves it by the replicated input, despawns it when the player leaves', async () => {
    const a = player();
    const b = player();
    try {
      await pollUntil([], () => a.spawner.nodeCount === 2 && b.spawner.nodeCount === 2, 'two dots each', 5000);
      const dotA = a.mine();
      const startX = dotA?.get('position').x ?? 0;
      dotA?.set('input', new Vector2(1, 0));
      const seenByB = () => b.spawner.getNodes().find((n) => n.name === String(a.scene.getUniqueId()));
      await pollUntil([], () => (seenByB()?.get('position').x ?? 0) > startX + 30, 'b sees a move right', 5000);
      dotA?.set('input', new Vector2(0, 0));
      expect(demo.arena.world.players().every((p) => p.x >= 0 && p.x <= ARENA_WIDTH)).toBe(true);
      a.close();
      await pollUntil([], () => b.spawner.nodeCount === 1, 'a left', 5000);
      expect([...a.refused, ...b.refused]).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it('makes hostile input harmless: not finite is no move, longer than 1 is clamped', () => {
    expect(saneInput(new Vector2(Number.NaN, 1))).toEqual(new Vector2(0, 0));
    expect(saneInput(new Vector2(Number.POSITIVE_INFINITY, 0))).toEqual(new Vector2(0, 0));
    expect(saneInput(new Vector2(30, 40))).toEqual(new Vector2(0.6, 0.8));
    expect(saneInput(new Vector2(0.5, 0))).toEqual(new Vector2(0.5, 0));
  });
});
