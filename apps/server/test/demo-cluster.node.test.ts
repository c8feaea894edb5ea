/**
 * The documented multi-process demo: `npm run demo -- PORT --redis URL` in two processes, one Redis
 * the test starts: the chat's multiplayer room (`/chat/mp`) spans both, so clients of different
 * processes see each other's joins once and talk with the true sender; the plain demo needs no Redis.
 */
import { fileURLToPath } from 'node:url';
import { pollUntil } from '@wspeer/test-kit';
import { freePort, type LineProcess, startLineProcess, startRedis, type TestRedis } from '@wspeer/test-kit/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketClient } from 'wspeer/multiplayer';
import { decodeVariant, encodeVariant } from 'wspeer/rpc';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const env = { WSPEER_SKIP_INSTALL: '1', WSPEER_SKIP_BUILD: '1', PORT: '', HOST: '' };
let redis: TestRedis;
const processes: LineProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
}, 120_000);
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await redis?.stop();
});

async function demo(port: number): Promise<void> {
  const child = startLineProcess(
    process.execPath,
    ['scripts/bootstrap.mjs', 'demo', String(port), '--redis', redis.url],
    { cwd: root, env, timeoutMs: 60_000 },
  );
  processes.push(child);
  await child.waitFor(/^chat room shared through Redis at redis:\/\//, 20_000);
}

async function join(port: number): Promise<{ client: WebSocketClient; lines: string[] }> {
  const client = new WebSocketClient();
  const lines: string[] = [];
  client.on('peer_packet', () => {
    while (client.getAvailablePacketCount() > 0) {
      const from = client.getPacketPeer();
      lines.push(`${from}: ${decodeVariant(client.getPacket()).value}`);
    }
  });
  client.connectToUrl(`ws://127.0.0.1:${port}/chat/mp`, ['my-protocol'], true);
  await pollUntil(client, () => client.getConnectionStatus() === 2, `joined :${port}`);
  return { client, lines };
}

it('two demo processes on one Redis share the chat room: joins announced once, messages with the true sender', {
  timeout: 90_000,
}, async () => {
  const [portA, portB] = [await freePort(), await freePort()];
  await Promise.all([demo(portA), demo(portB)]);
  const a = await join(portA);
  const b = await join(portB);
  const [idA, idB] = [a.client.getUniqueId(), b.client.getUniqueId()];
  const both = [a.client, b.client];
  await pollUntil(both, () => a.lines.includes(`1: [${idB}] connected`), 'A hears of B', 10_000);
  // Each side's server knows the other's client (its own node learned of it through Redis).
  await pollUntil(both, () => a.client.getPeerIds().includes(idB), 'B among A peers', 10_000);
  await pollUntil(both, () => b.client.getPeerIds().includes(idA), 'A among B peers', 10_000);

  b.client.setTargetPeer(idA);
  b.client.putPacket(encodeVariant('hello from the other process'));
  a.client.setTargetPeer(0);
  a.client.putPacket(encodeVariant('hello everyone'));
  await pollUntil(both, () => a.lines.includes(`${idB}: hello from the other process`), 'B to A', 10_000);
  await pollUntil(both, () => b.lines.includes(`${idA}: hello everyone`), 'A to all', 10_000);
  // Each join was announced once, by the joining client's own process.
  expect(a.lines.filter((l) => l.endsWith(`[${idB}] connected`))).toHaveLength(1);

  b.client.disconnectFromHost();
  await pollUntil([a.client], () => a.lines.includes(`1: [${idB}] disconnected`), 'B left', 10_000);
  expect(a.lines.filter((l) => l.endsWith(`[${idB}] disconnected`))).toHaveLength(1);
  a.client.disconnectFromHost();
});
