import {
  ATTACK_BOUNDS,
  AttackSession,
  HonestScene,
  type HonestSceneFigures,
  type Measured,
  SCENE_AUTH_TIMEOUT,
} from '@wspeer/test-kit/attack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The scene layer under attack: a Godot 4 server built with the public API (`WebSocketMultiplayerPeer`
 * with the `godot4` wire, `SceneMultiplayer` with relay and authentication, defaults otherwise; see
 * the test kit's `scene-target.ts`), in its own process, attacked from another, while an honest echo
 * client and two honest Godot 4 clients (A calls B through the relay and the server directly) measure
 * it from this one.
 */

type SceneMeasured = Measured<HonestSceneFigures>;

interface SceneFigures {
  peers: number;
  authenticating: number;
  authenticatingHighWater: number;
  refusals: Record<string, number>;
}

interface EndpointFigures {
  refused: Record<string, number>;
  cut: Record<string, number>;
  throttled: number;
}

const scene = (m: SceneMeasured, at: 'before' | 'after' = 'after'): SceneFigures => m[at].server.scene as SceneFigures;
const endpoint = (m: SceneMeasured, at: 'before' | 'after' = 'after'): EndpointFigures =>
  (m[at].server.endpoints as Record<string, EndpointFigures>)['/scene'] as EndpointFigures;
/** Refusals of `kind` the scene layer counted during the attack. */
const refusedDuring = (m: SceneMeasured, kind: string): number =>
  (scene(m).refusals[kind] ?? 0) - (scene(m, 'before').refusals[kind] ?? 0);

function expectHonestUnharmed(m: SceneMeasured): void {
  expect(m.honest.open).toBe(true);
  expect(m.honest.lost).toBe(0);
  expect(m.honest.sent).toBeGreaterThan(10);
  expect(m.honest.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
  expect(m.honest.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
  const rpc = m.probe as HonestSceneFigures;
  expect(rpc.open).toBe(true);
  expect(rpc.sent).toBeGreaterThan(10);
  expect(rpc.lost).toBe(0);
  expect(rpc.misattributed).toBe(0);
  expect(rpc.aSeesB).toBe(true);
  expect(rpc.p99Ms).toBeLessThan(ATTACK_BOUNDS.honestRttMs);
  expect(rpc.worstMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
}

const heapGrowth = (m: SceneMeasured): number => m.after.heapUsedMB - m.before.heapUsedMB;

describe('scene (Godot 4) attacks on the public server', () => {
  let session: AttackSession;
  let url: string;
  beforeAll(async () => {
    session = await AttackSession.start({ target: 'scene' });
    url = `ws://127.0.0.1:${session.port}/scene`;
  });
  afterAll(() => session?.stop());

  /** Runs `attack` while two honest Godot 4 clients call each other and the server. */
  async function measure(
    label: string,
    attack: string,
    args: (ids: [number, number]) => Record<string, unknown> = () => ({}),
  ): Promise<SceneMeasured> {
    const honest = new HonestScene();
    await honest.start(url);
    return session.measure('scene', label, attack, args(honest.ids), honest);
  }

  it('calls naming a node by 65,000 slashes (and 1,000 calls by 4,000) cost time linear in their size', async () => {
    const m = await measure('20 calls by a 65,000-slash path, 1,000 by a 4,000-slash path', 'scenePathStall', () => ({
      count: 20,
      longCount: 1000,
    }));
    expect(m.attack.sent).toBe(1020);
    expect(m.attack.processed).toBe(true);
    expectHonestUnharmed(m);
    expect(m.after.worstLoopDelayMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
    expect(refusedDuring(m, 'path')).toBe(1020);
  });

  it('SIMPLIFY_PATH floods with distinct ids and 1 KB paths stay within maxPathCacheEntries and do not keep the text', async () => {
    const m = await measure(
      '8,800 SIMPLIFY_PATH of 1 KB from 8 clients that stay (cache: 1,024 per peer)',
      'sceneSimplify',
      () => ({ count: 8800, connections: 8, pathBytes: 1000 }),
    );
    expect(m.attack.connected).toBe(8);
    expect(m.attack.sent).toBe(8800);
    expect(m.attack.processed).toBe(8);
    expectHonestUnharmed(m);
    // 8 x 1,024 entries cached; what each keeps must not depend on the path text a peer sent.
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    expect(refusedDuring(m, 'path')).toBeGreaterThan(8800 - 8 * 1024);
    expect(refusedDuring(m, 'checksum')).toBeGreaterThan(0);
    await session.release();
  });

  it('calls to unknown method ids, unknown nodes and unknown cache ids are counted by kind, not stored or logged per value', async () => {
    const m = await measure(
      '2,000 calls to unknown ids, unique 4 KB and 60 KB node paths from 6 clients',
      'sceneUnknown',
      () => ({ count: 2000, connections: 6, nameBytes: 60_000 }),
    );
    expect(m.attack.sent).toBe(2000);
    expect(m.attack.processed).toBe(6);
    expectHonestUnharmed(m);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    expect(m.after.logChars - m.before.logChars).toBeLessThan(20_000);
    expect(refusedDuring(m, 'method')).toBeGreaterThan(600);
    expect(refusedDuring(m, 'path')).toBeGreaterThan(1200);
  });

  it('Variant bombs in arguments (deep, huge counts, lying packed arrays, dense containers) allocate nothing that stays', async () => {
    const m = await measure('400 calls with Variant bombs of 13 kinds from 4 clients', 'sceneVariantBombs', () => ({
      count: 400,
      connections: 4,
    }));
    expect(m.attack.sent).toBe(400);
    expect(m.attack.processed).toBe(4);
    expect(m.attack.cut).toBe(0);
    expectHonestUnharmed(m);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    expect(m.after.worstLoopDelayMs).toBeLessThan(ATTACK_BOUNDS.honestWorstMs);
    expect(refusedDuring(m, 'arguments')).toBeGreaterThan(150);
  });

  it('connections that never authenticate are dropped after authTimeout; the pending table empties', async () => {
    const m = await measure('300 connections that never authenticate', 'sceneAuthFlood', () => ({
      connections: 300,
      holdMs: SCENE_AUTH_TIMEOUT * 1000 + 3000,
    }));
    expect(m.attack.joined).toBe(300);
    expect(m.attack.cutByServer).toBe(300);
    // Timed from when the attacker read its id, which the server sent when its clock started.
    expect(m.attack.cutMinMs).toBeGreaterThanOrEqual(SCENE_AUTH_TIMEOUT * 1000 - 500);
    expect(m.attack.cutMaxMs).toBeLessThan(SCENE_AUTH_TIMEOUT * 1000 + 1500);
    expectHonestUnharmed(m);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    expect(scene(m).authenticatingHighWater).toBeGreaterThanOrEqual(290);
    expect(scene(m).authenticating).toBe(0);
    expect(refusedDuring(m, 'auth-timeout')).toBe(300);
    expect(refusedDuring(m, 'auth')).toBeGreaterThanOrEqual(300);
  });

  it('relay floods to everyone, to -N and to unknown peers are shared fairly and refused where unknown', async () => {
    const m = await measure(
      'a relay flood of 1 KB packets to 0, -N and unknown peers for 3 s',
      'sceneRelayFlood',
      () => ({
        durationMs: 3000,
        size: 1024,
      }),
    );
    expect(m.attack.cut).toBe(false);
    expect(m.attack.processed).toBe(true);
    expectHonestUnharmed(m);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
    expect(refusedDuring(m, 'relay')).toBeGreaterThan(100);
    expect(endpoint(m).throttled - endpoint(m, 'before').throttled).toBeGreaterThan(0);
    expect(endpoint(m).cut).toEqual(endpoint(m, 'before').cut);
  });

  it('spoofed senders, forged peer announcements and nested relays reach no honest client as someone else', async () => {
    const m = await measure('9,000 packets posing as the server or another client', 'sceneSpoof', (ids) => ({
      count: 9000,
      targets: ids,
    }));
    expect(m.attack.sent).toBe(9000);
    expect(m.attack.processed).toBe(true);
    expectHonestUnharmed(m);
    expect(m.probe?.peersOfA).not.toContain(424_242);
    expect(m.probe?.foreign).toBeGreaterThan(0);
    expect(refusedDuring(m, 'sys')).toBe(2000);
    expect(refusedDuring(m, 'auth')).toBe(1000);
    // A system packet relayed to everyone is processed by the server too; a relay to the server (1) is
    // refused as Godot's ("direct messages to server should not go through relay").
    expect(refusedDuring(m, 'malformed')).toBe(1000);
    expect(refusedDuring(m, 'relay')).toBe(1000);
    expect(heapGrowth(m)).toBeLessThan(ATTACK_BOUNDS.heapGrowthMB);
  });
});
