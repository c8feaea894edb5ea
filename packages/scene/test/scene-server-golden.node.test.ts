/**
 * What our SceneMultiplayer server puts on the wire, byte for byte, seen by raw `ws` clients. A
 * Godot 4 server cannot run in a page, so these bytes are checked against the 4.6 source, cited per
 * case (modules/multiplayer/scene_multiplayer.cpp, scene_cache_interface.cpp;
 * modules/websocket/websocket_multiplayer_peer.cpp).
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ErrorCode } from 'wspeer';
import { WebSocketMultiplayerPeer } from 'wspeer/multiplayer';
import { SceneMultiplayer, type SceneMultiplayerOptions, sceneAuth } from 'wspeer/scene';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const hex = (data: Uint8Array | Buffer): string => Buffer.from(data).toString('hex');
const i32 = (n: number): string => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b.toString('hex');
};

async function server(options: SceneMultiplayerOptions = {}) {
  const peer = new WebSocketMultiplayerPeer({ wire: 'godot4' });
  expect(peer.createServer(0, '127.0.0.1')).toBe(ErrorCode.OK);
  cleanup.push(() => peer.close());
  const port = await peer.listening(5000);
  const scene = new SceneMultiplayer(peer, { autoPoll: true, log: null, ...options });
  return { scene, url: `ws://127.0.0.1:${port}/` };
}

/** A raw client: every binary message it receives, as hex, in order. */
async function rawClient(url: string) {
  const ws = new WebSocket(url);
  const messages: string[] = [];
  ws.on('message', (data: Buffer) => messages.push(hex(data)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  cleanup.push(() => ws.terminate());
  await expect.poll(() => messages.length, { timeout: 3000 }).toBeGreaterThan(0);
  const id = Buffer.from(messages[0] as string, 'hex').readInt32LE(0);
  return { ws, messages, id, send: (text: string) => ws.send(Buffer.from(text.replace(/\s/g, ''), 'hex')) };
}

describe('SceneMultiplayer server bytes (golden, from the Godot 4.6 source)', () => {
  it('ids, ADD_PEER both ways on admission, RELAY with the true source, DEL_PEER on leave', async () => {
    const { scene, url } = await server();
    const raws: string[] = [];
    scene.on('peer_packet', (from, data) => raws.push(`${from}:${hex(data)}`));
    // websocket_multiplayer_peer.cpp: the server's first message is the 4-byte id.
    const a = await rawClient(url);
    expect(a.messages).toEqual([i32(a.id)]);
    const b = await rawClient(url);
    // scene_multiplayer.cpp _admit_peer: for each connected P, ADD_PEER(new) to P, then ADD_PEER(P) to new.
    await expect.poll(() => a.messages.length).toBe(2);
    await expect.poll(() => b.messages.length).toBe(2);
    expect(a.messages[1]).toBe(`0701${i32(b.id)}`);
    expect(b.messages).toEqual([i32(b.id), `0701${i32(a.id)}`]);
    // _process_sys SYS_COMMAND_RELAY: to one peer, the target int32 rewritten to the source.
    a.send(`0703 ${i32(b.id)} 03aabb`);
    await expect.poll(() => b.messages.length).toBe(3);
    expect(b.messages[2]).toBe(`0703${i32(a.id)}03aabb`);
    // To everyone (0): forwarded to the others, and processed by the server with the sender as source.
    a.send(`0703 ${i32(0)} 03cc`);
    await expect.poll(() => b.messages.length).toBe(4);
    expect(b.messages[3]).toBe(`0703${i32(a.id)}03cc`);
    await expect.poll(() => raws).toEqual([`${a.id}:cc`]);
    // To everyone but the server (-1): forwarded, not processed here.
    a.send(`0703 ${i32(-1)} 03dd`);
    await expect.poll(() => b.messages.length).toBe(5);
    expect(raws).toEqual([`${a.id}:cc`]);
    // _del_peer: DEL_PEER to everyone else.
    a.ws.close();
    await expect.poll(() => b.messages.length).toBe(6);
    expect(b.messages[5]).toBe(`0702${i32(a.id)}`);
  });

  it('SIMPLIFY_PATH is answered with CONFIRM_PATH [2][checksum ok][u32 id]; then calls by id reach the node', async () => {
    const { scene, url } = await server();
    const calls: string[] = [];
    const main = scene.node('Main', {
      methods: {
        hello: { mode: 'any_peer', handler: (text: string) => calls.push(`${scene.getRemoteSenderId()}:${text}`) },
      },
    });
    const a = await rawClient(url);
    const md5 = Buffer.from(main.config.md5).toString('hex'); // md5("hello")
    expect(main.config.md5).toBe('5d41402abc4b2a76b9719d911017c592');
    // scene_cache_interface.cpp _send_confirm_path: [1][md5 cstring][u32 id][path cstring].
    a.send(`01 ${md5} 00 07000000 ${Buffer.from('Main').toString('hex')} 00`);
    // process_simplify_path: CONFIRM_PATH with packet[1] = valid_rpc_checksum.
    await expect.poll(() => a.messages.length).toBe(2);
    expect(a.messages[1]).toBe('020107000000');
    // scene_rpc_interface.cpp _send_rpc: meta 0x00 (u8 node id, u8 method id), id 7, method 0, 1 arg "hi".
    a.send(`00 07 00 01 04000000 02000000 68690000`);
    await expect.poll(() => calls).toEqual([`${a.id}:hi`]);
    // A wrong checksum is confirmed with 0, and calls on that path are refused.
    a.send(`01 ${Buffer.from('0'.repeat(32)).toString('hex')} 00 08000000 ${Buffer.from('Main').toString('hex')} 00`);
    await expect.poll(() => a.messages.length).toBe(3);
    expect(a.messages[2]).toBe('020008000000');
  });

  it('authentication: SYS AUTH data [7][0][data], completion [7][0], nothing else before it', async () => {
    let sceneRef!: SceneMultiplayer;
    const { scene, url } = await server({
      auth: sceneAuth,
      authCallback: (id, data) => {
        sceneRef.sendAuth(id, Buffer.from(`ok ${Buffer.from(data).toString()}`));
        sceneRef.completeAuth(id);
      },
    });
    sceneRef = scene;
    const connected: number[] = [];
    scene.on('peer_connected', (id) => connected.push(id));
    const a = await rawClient(url);
    expect(scene.getAuthenticatingPeers()).toEqual([a.id]);
    a.send(`0700 ${Buffer.from('token').toString('hex')}`);
    // send_auth: [SYS][AUTH][data]; complete_auth: [SYS][AUTH].
    await expect.poll(() => a.messages.length).toBe(3);
    expect(a.messages.slice(1)).toEqual([`0700${Buffer.from('ok token').toString('hex')}`, '0700']);
    expect(connected).toEqual([]);
    a.send('0700');
    await expect.poll(() => connected).toEqual([a.id]);
  });
});
