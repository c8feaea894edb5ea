import { type GodotProcess, startGodot } from '@wspeer/test-kit/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, type WebSocketPeer } from 'wspeer';
import { WebSocketServer } from 'wspeer/server';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Our WebSocketServer (auto-poll) echoing with frame types, recording every signal. */
async function echoServer(protocols: string[] = []) {
  const server = new WebSocketServer({ bindIp: '127.0.0.1', autoPoll: true });
  const events: string[] = [];
  server.on('client_connected', (_id, protocol) => events.push(`connected:${protocol}`));
  server.on('client_close_request', (_id, code, reason) =>
    events.push(`close_request:${code}:${JSON.stringify(reason)}`),
  );
  server.on('client_disconnected', (_id, clean) => events.push(`disconnected:${clean}`));
  server.on('data_received', (id) => {
    const peer = server.getPeer(id) as WebSocketPeer;
    const packet = peer.getPacket();
    const text = peer.wasStringPacket();
    events.push(`data:${text ? 'text' : 'binary'}:${Buffer.from(packet).toString('hex')}`);
    if (text && new TextDecoder().decode(packet).startsWith('!close')) {
      server.disconnectPeer(id, 4002, 'server says bye');
      return;
    }
    peer.send(packet, text ? 0 : 1);
  });
  expect(server.listen(0, protocols)).toBe(ErrorCode.OK);
  cleanup.push(() => server.stop());
  const port = await server.listening(5000);
  return { server, events, url: `ws://127.0.0.1:${port}/` };
}

function godotClient(args: Record<string, string | number>): GodotProcess {
  const godot = startGodot('ws_client.gd', { lifetime: 15, ...args }, 30_000);
  cleanup.push(() => godot.stop());
  return godot;
}

describe('a real Godot 3.2.3 WebSocketClient against our WebSocketServer', () => {
  it('echoes text and binary frames, and the Godot-initiated close code and reason reach us', async () => {
    const { events, url } = await echoServer();
    const godot = godotClient({
      url,
      send: JSON.stringify(['t:héllo ✓', 'b:00ff10']),
      expect: 2,
      close_code: 4001,
      close_reason: 'bye',
    });
    await godot.waitFor('quit');
    const data = godot.all('data');
    expect(data).toMatchObject([
      { was_string: true, text: 'héllo ✓' },
      { was_string: false, hex: '00ff10' },
    ]);
    expect(godot.all('connection_established')).toEqual([{ event: 'connection_established', protocol: '' }]);
    await waitUntil(() => events.some((e) => e.startsWith('disconnected')));
    expect(events).toEqual([
      'connected:',
      `data:text:${Buffer.from('héllo ✓').toString('hex')}`,
      'data:binary:00ff10',
      'close_request:4001:"bye"',
      'disconnected:true',
    ]);
  });

  it('hears our server-initiated close as server_close_request with code and reason', async () => {
    const { events, url } = await echoServer();
    const godot = godotClient({ url, send: JSON.stringify(['t:!close']), close_code: 0 });
    const request = await godot.waitFor('server_close_request');
    expect(request).toMatchObject({ code: 4002, reason: 'server says bye' });
    const closed = await godot.waitFor('connection_closed');
    expect(closed.was_clean).toBe(true);
    await waitUntil(() => events.some((e) => e.startsWith('disconnected')));
    expect(events.at(-1)).toBe('disconnected:true');
  });

  it.each([
    { server: ['a', 'b'], client: 'c,b,a', result: 'b' },
    { server: ['chat'], client: 'chat', result: 'chat' },
    { server: [], client: 'chat', result: null },
    { server: ['chat'], client: '', result: null },
    { server: ['x'], client: 'y', result: null },
    { server: [], client: '', result: '' },
  ])(
    'chooses the subprotocol like Godot: server $server, client "$client" -> $result',
    async ({ server, client, result }) => {
      const { url } = await echoServer(server);
      const godot = godotClient({ url, protocols: client, close_code: 1000 });
      const outcome = await godot.waitFor(
        (e) => e.event === 'connection_established' || e.event === 'connection_error',
      );
      if (result === null) expect(outcome.event).toBe('connection_error');
      else expect(outcome).toEqual({ event: 'connection_established', protocol: result });
    },
  );
});

async function waitUntil(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('waitUntil timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
