import { WebSocketServer as CoreWebSocketServer, LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketClient, WebSocketMultiplayerPeer, type Wire } from '@wspeer/multiplayer';
import { describe, expect, it } from 'vitest';
import { drain, room, settle } from './mp-fixture.js';

// MultiplayerConnection is the client side of one connection, shared by Godot 3's WebSocketClient in
// multiplayer mode (fed by its hooks) and WebSocketMultiplayerPeer's client (a bare WebSocketPeer).
describe('MultiplayerConnection (through both clients)', () => {
  for (const wire of ['godot3', 'godot4'] as Wire[]) {
    it(`${wire}: a WebSocketMultiplayerPeer client takes a URL without a scheme (ws:// assumed), as Godot 3's client does`, async () => {
      const { server, all, url, make } = await room(wire, 0);
      const client = make();
      const bare = url.replace('ws://', '');
      expect(client.createClient(bare)).toBe(0);
      await settle([...all, client], () => client.getConnectionStatus() === 2, 'connected');
      expect(client.getPeer(1)?.requestedUrl).toBe(url);
      expect(client.getUniqueId()).toBeGreaterThan(1);
      expect(server.getPeerIds()).toEqual([client.getUniqueId()]);
      client.close();
      server.close();
    });
  }

  it('Godot 3 client in multiplayer mode and a WebSocketMultiplayerPeer client exchange packets; close() is silent and clears the inbox', async () => {
    const { server, clients, all, url, net } = await room('godot3', 1);
    const facade = clients[0] as WebSocketMultiplayerPeer;
    const g3 = new WebSocketClient({ connect: net.connect });
    const events: string[] = [];
    g3.on('peer_connected', (id) => events.push(`+${id}`));
    g3.on('connection_succeeded', () => events.push('ok'));
    g3.on('server_disconnected', () => events.push('gone'));
    g3.on('connection_closed', () => events.push('closed'));
    expect(g3.connectToUrl(url, [], true)).toBe(0);
    expect(g3.isMultiplayer).toBe(true);
    await settle([...all, g3], () => g3.getPeerIds().length === 2, 'both peers announced');
    expect(events).toEqual(['+1', 'ok', `+${facade.getUniqueId()}`]);
    g3.setTargetPeer(facade.getUniqueId());
    expect(g3.putPacket(new Uint8Array([7]))).toBe(0);
    facade.setTargetPeer(g3.getUniqueId());
    expect(facade.putPacket(new Uint8Array([8]))).toBe(0);
    facade.putPacket(new Uint8Array([9]));
    await settle([...all, g3], () => facade.getAvailablePacketCount() === 1 && g3.getAvailablePacketCount() === 2);
    expect(drain(facade)).toEqual([`${g3.getUniqueId()}:7`]);
    expect(g3.getPacketPeer()).toBe(facade.getUniqueId());
    g3.close();
    expect(g3.getAvailablePacketCount()).toBe(0);
    expect(g3.getUniqueId()).toBe(0);
    expect(g3.putPacket(new Uint8Array([1]))).toBe(3); // ERR_UNCONFIGURED
    for (let i = 0; i < 5; i++) await settle([...all, g3], () => true);
    expect(events).toEqual(['+1', 'ok', `+${facade.getUniqueId()}`]);
    server.close();
  });

  it('a WebSocketMultiplayerPeer client whose server never sends an id fails after handshakeTimeout', async () => {
    const net = new LoopbackNetwork();
    const silent = new CoreWebSocketServer({ listen: net.listen });
    silent.listen(0);
    const port = await silent.listening(1000);
    const client = new WebSocketMultiplayerPeer({
      connect: net.connect,
      server: multiplayerServer(net.listen),
      wire: 'godot4',
      handshakeTimeout: 0.1,
    });
    const events: string[] = [];
    client.on('connection_failed', () => events.push('failed'));
    expect(client.createClient(`ws://loopback:${port}/`)).toBe(0);
    await settle([client, silent], () => events.length === 1, 'connection_failed');
    expect(client.getPeer(1)?.closeReason).toBe('Handshake timeout');
    expect(client.getConnectionStatus()).toBe(0);
    silent.stop();
  });
});
