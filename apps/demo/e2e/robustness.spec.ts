import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { frame, SysType } from '@wspeer/multiplayer';
import WebSocket from 'ws';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { encodeVariant, MultiplayerAPI } from 'wspeer/rpc';
import { chat } from './chat-controls.ts';
import { openDemo, statusPeerId, wsUrl } from './demo-page.ts';
import { game } from './game-controls.ts';

const GAME_PATH = 'Main/Panel/VBoxContainer/Game';

/** Writes `bytes` on a plain TCP connection to the demo server and waits until the server hangs up. */
function rawTcp(bytes: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(Number(process.env.DEMO_PORT), '127.0.0.1', () => socket.write(bytes));
    socket.on('error', () => {});
    socket.on('close', () => resolve());
    setTimeout(() => socket.destroy(), 1000);
  });
}

/** Opens a WebSocket with `ws`; resolves once it is open, or with `null` when the handshake fails. */
function openWs(path: string, protocols: string[]): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(path), protocols);
    ws.on('open', () => resolve(ws));
    ws.on('error', () => resolve(null));
    ws.on('unexpected-response', () => resolve(null));
    ws.on('close', () => resolve(null));
  });
}

const closed = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve(-1) : ws.once('close', resolve)));

/**
 * A REMOTE_CALL of `_log(text)` naming the game node by full path, as Godot 3.2 encodes it:
 * `[0][0x80000000 | path offset][name\0][argc][args][path\0]`.
 */
function forgedLogCall(text: string): Uint8Array {
  const utf8 = new TextEncoder();
  const parts = [utf8.encode('_log\0'), Uint8Array.of(1), encodeVariant(text)];
  const pathOffset = 5 + parts.reduce((n, p) => n + p.length, 0);
  const head = new Uint8Array(5);
  new DataView(head.buffer).setUint32(1, (0x80000000 | pathOffset) >>> 0, true);
  const bytes = [head, ...parts, utf8.encode(`${GAME_PATH}\0`)];
  const out = new Uint8Array(bytes.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of bytes) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

test("garbage, wrong protocols and forged packets from raw sockets do not break the page's sessions", async ({
  browser,
}) => {
  const { page, errors } = await openDemo(browser, 'chat');
  const room = chat(page);
  await room.join('alice');
  await page.getByRole('tab', { name: 'Game' }).click();
  const table = game(page);
  await table.join('alice');
  const aliceId = await statusPeerId(page);

  // Someone else in the chat room, to check delivery both ways afterwards.
  const observer = await openWs('/chat', ['my-protocol']);
  if (observer === null) throw new Error('observer could not join /chat');
  const heard: string[] = [];
  observer.on('message', (data) => heard.push(String(data)));

  // Not HTTP; an upgrade without a key followed by junk; wrong subprotocols on every endpoint.
  await rawTcp('\x00\xffNOT HTTP AT ALL\r\n\r\n');
  await rawTcp('GET /game HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x00\xff garbage');
  for (const path of ['/chat', '/chat/mp', '/game', '/mirror']) expect(await openWs(path, ['nope'])).toBeNull();

  // Garbage over an accepted /game socket: junk, a system message from a client, a frame claiming
  // to come from the server (peer 1) carrying a forged `_log` call for alice, then an oversized message.
  const rogueSocket = await openWs('/game', ['ludus']);
  if (rogueSocket === null) throw new Error('/game refused ludus');
  rogueSocket.send(Uint8Array.of(0xde, 0xad, 0xbe, 0xef));
  rogueSocket.send(frame(SysType.ID, 0, 1, new Uint8Array(4)));
  rogueSocket.send(frame(SysType.NONE, 1, aliceId, forgedLogCall('FORGED by a raw socket')));
  rogueSocket.send(new Uint8Array(70_000));
  expect(await closed(rogueSocket)).toBe(1009);

  // Invalid UTF-8 in a text frame and a binary frame that is no Variant, on the raw chat.
  const junkChat = await openWs('/chat', ['binary']);
  if (junkChat === null) throw new Error('/chat refused binary');
  junkChat.send(Uint8Array.of(0xff, 0xff, 0xff));
  junkChat.send(Buffer.from([0xc3, 0x28]), { binary: false });
  await closed(junkChat);

  // A well-formed Godot 3 multiplayer client that calls the host-only functions on every player.
  const roguePeer = new WebSocketMultiplayerPeer({ supportedProtocols: ['ludus'] });
  const rogue = new MultiplayerAPI(roguePeer, { autoPoll: true, log: null });
  const rogueNode = rogue.node(GAME_PATH, {
    methods: {
      _log: { mode: 'remote', handler: (_what: string) => {} },
      set_turn: { mode: 'remote', handler: (_turn: number) => {} },
    },
  });
  roguePeer.createClient(wsUrl('/game'));
  await expect.poll(() => roguePeer.getConnectionStatus()).toBe(2);
  await expect(table.players).toHaveCount(2);
  rogueNode.rpc('_log', 'FORGED by a rogue client');
  rogueNode.rpc('set_turn', 1);
  // The page is a production build (Vite sets the `production` condition): the reason is the message's number
  // in docs/messages.md, then its values ("{1} '{2}' is not allowed on node {3} from: {4}. ...").
  await expect(table.log).toContainText(
    new RegExp(`Refused a packet from #${roguePeer.getUniqueId()}: \\[wspeer \\d+\\] RPC \\| _log \\| `),
  );
  roguePeer.close();
  await expect(table.players).toHaveCount(1);

  // The page's sessions are still up: the game goes on, and the chat works both ways.
  await expect(table.turn).toHaveText('Your turn: roll the dice!');
  await table.roll.click();
  await expect(table.log.locator('li', { hasText: /^alice: rolls \d+$/ })).toHaveCount(1);
  await expect(table.log).not.toContainText('FORGED');
  await expect(page.locator('#status-state')).toHaveText('open');
  await page.getByRole('tab', { name: 'Chat' }).click();
  await expect(page.locator('#status-protocol')).toHaveText('my-protocol');
  await room.say('still here');
  await expect.poll(() => heard.some((line) => /^\[\d+\] Says: alice: still here$/.test(line))).toBe(true);
  observer.send('observer: hello alice');
  await expect(room.line('observer: hello alice')).toBeVisible();
  await expect(room.log).not.toContainText('Disconnected');
  observer.close();
  expect(errors).toEqual([]);
  await page.context().close();
});
