import { ErrorCode, opened, State, WebSocketClient, type WebSocketPeer, WebSocketServer } from '@wspeer/core';
import { describe, expect, it } from 'vitest';
import { loopbackPair, settle, tick } from './loopback.js';

function record(server: WebSocketServer): string[] {
  const events: string[] = [];
  server.on('client_connected', (id, p) => events.push(`connected:${id}:${p}`));
  server.on('data_received', (id) => events.push(`data:${id}:${server.getPeer(id)?.getMessage()}`));
  server.on('client_close_request', (id, code, reason) => events.push(`close_request:${id}:${code}:${reason}`));
  server.on('client_disconnected', (id, clean) => events.push(`disconnected:${id}:${clean}`));
  return events;
}

describe('WebSocketServer (Godot 3 API) over the loopback network', () => {
  it('fires client_connected, data_received and disconnect signals only inside poll', async () => {
    const { server, client, url } = await loopbackPair();
    const events = record(server);
    const peer = client();
    peer.connectToUrl(url);
    await tick(10);
    expect(events).toEqual([]);
    await settle([server, peer], () => events.length === 1 && peer.readyState === State.OPEN);
    const id = server.getPeerIds()[0] as number;
    expect(events).toEqual([`connected:${id}:`]);
    peer.sendText('a');
    peer.sendText('b');
    await tick(10);
    expect(events.length).toBe(1);
    server.poll();
    expect(events.slice(1)).toEqual([`data:${id}:a`, `data:${id}:b`]);
    peer.close(4001, 'bye');
    await settle([server, peer], () => events.length === 5);
    expect(events.slice(3)).toEqual([`close_request:${id}:4001:bye`, `disconnected:${id}:true`]);
    expect(server.hasPeer(id)).toBe(false);
  });

  it('gives random, unique 31-bit ids that are never 0 or 1', async () => {
    const { server, client, url } = await loopbackPair({ autoPoll: true });
    const peers = Array.from({ length: 40 }, () => client({ autoPoll: true }));
    for (const p of peers) p.connectToUrl(url);
    await Promise.all(peers.map((p) => opened(p, 1000)));
    await settle([server], () => server.getPeerIds().length === 40);
    const ids = server.getPeerIds();
    expect(new Set(ids).size).toBe(40);
    for (const id of ids) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(1);
      expect(id).toBeLessThanOrEqual(0x7fffffff);
    }
    expect(server.getPeerAddress(ids[0] as number)).toBe('127.0.0.1');
    expect(server.getPeerPort(ids[0] as number)).toBeGreaterThan(0);
  });

  it('disconnectPeer closes one client with code and reason; unknown ids get ERR_DOES_NOT_EXIST', async () => {
    const { server, client, url } = await loopbackPair();
    const events = record(server);
    const a = client();
    const b = client();
    a.connectToUrl(url);
    b.connectToUrl(url);
    await settle([server, a, b], () => server.getPeerIds().length === 2 && b.readyState === State.OPEN);
    const [idA] = server.getPeerIds() as [number, number];
    expect(server.disconnectPeer(12345, 1000)).toBe(ErrorCode.ERR_DOES_NOT_EXIST);
    expect(server.disconnectPeer(idA, 4004, 'kicked')).toBe(ErrorCode.OK);
    await settle(
      [server, a, b],
      () => a.readyState === State.CLOSED && events.some((e) => e.startsWith('disconnected')),
    );
    expect(a.closeCode).toBe(4004);
    expect(a.closeReason).toBe('kicked');
    expect(events).toContain(`disconnected:${idA}:true`);
    expect(b.readyState).toBe(State.OPEN);
    b.sendText('still here');
    await settle([server], () => events.some((e) => e.endsWith(':still here')));
  });

  it('refuses new connections while refuseNewConnections is set', async () => {
    const { server, url, net } = await loopbackPair();
    server.refuseNewConnections = true;
    const c = new WebSocketClient({ connect: net.connect });
    const seen: string[] = [];
    c.on('connection_error', () => seen.push('error'));
    c.connectToUrl(url);
    await settle([c, server], () => seen.length === 1);
    expect(server.getPeerIds()).toEqual([]);
  });

  it('selects subprotocols the Godot way and refuses mismatches', async () => {
    const { server, client, url } = await loopbackPair({}, ['a', 'b']);
    const ok = client({ supportedProtocols: ['c', 'b', 'a'] });
    const bad = client({ supportedProtocols: ['x'] });
    const none = client();
    ok.connectToUrl(url);
    bad.connectToUrl(url);
    none.connectToUrl(url);
    await settle(
      [server, ok, bad, none],
      () => ok.readyState === State.OPEN && bad.readyState === State.CLOSED && none.readyState === State.CLOSED,
    );
    expect(ok.selectedProtocol).toBe('b');
    expect(server.getPeerIds().length).toBe(1);
  });

  it('gives every peer its own supportedProtocols: a copy of the option, a fresh empty list by default', async () => {
    const { server, client, url } = await loopbackPair({}, ['a', 'b']);
    const option = ['x'];
    const copied = client({ supportedProtocols: option });
    option.push('b');
    const grown = client();
    const other = client();
    expect(copied.supportedProtocols).toEqual(['x']);
    grown.supportedProtocols.push('b'); // the default list is the peer's own: what is pushed is requested
    expect(other.supportedProtocols).toEqual([]);
    expect(grown.handshakeHeaders).not.toBe(other.handshakeHeaders);
    for (const peer of [copied, grown, other]) peer.connectToUrl(url);
    await settle(
      [server, copied, grown, other],
      () => grown.readyState === State.OPEN && copied.readyState === State.CLOSED && other.readyState === State.CLOSED,
    );
    expect(grown.selectedProtocol).toBe('b');
    expect(server.getPeerIds().length).toBe(1);
  });

  it('stop() closes every client with 1001 and stops listening', async () => {
    const { server, client, url } = await loopbackPair();
    const peer = client();
    peer.connectToUrl(url);
    await settle([server, peer], () => peer.readyState === State.OPEN);
    server.stop();
    expect(server.isListening()).toBe(false);
    await settle([peer], () => peer.readyState === State.CLOSED);
    expect(peer.closeCode).toBe(1001);
    expect(peer.closeReason).toBe('Server stopped');
  });

  it('refuses a second listen and throws a clear error without a listener factory', async () => {
    const { server } = await loopbackPair();
    expect(server.listen(0)).toBe(ErrorCode.ERR_ALREADY_IN_USE);
    expect(() => new WebSocketServer().listen(0)).toThrow(/wspeer\/server/);
  });
});

describe('WebSocketClient (Godot 3 API) over the loopback network', () => {
  it('fires connection_established, data_received, server_close_request, connection_closed in order', async () => {
    const { server, url, net } = await loopbackPair();
    const c = new WebSocketClient({ connect: net.connect });
    const seen: string[] = [];
    c.on('connection_established', (p) => seen.push(`established:${p}`));
    c.on('data_received', () => seen.push(`data:${c.getPeer(1)?.getMessage()}`));
    c.on('server_close_request', (code, reason) => seen.push(`close_request:${code}:${reason}`));
    c.on('connection_closed', (clean) => seen.push(`closed:${clean}`));
    expect(c.connectToUrl(url.replace('ws://', ''))).toBe(ErrorCode.OK);
    expect(c.getConnectionStatus()).toBe(1);
    await settle([c, server], () => seen.length === 1 && server.getPeerIds().length === 1);
    expect(c.getConnectionStatus()).toBe(2);
    const id = server.getPeerIds()[0] as number;
    const remote = server.getPeer(id) as WebSocketPeer;
    remote.sendText('x');
    server.disconnectPeer(id, 4002, 'go away');
    await settle([c, server], () => seen.length === 4);
    expect(seen).toEqual(['established:', 'data:x', 'close_request:4002:go away', 'closed:true']);
    expect(c.getPeer(2)).toBeNull();
    expect(c.getConnectionStatus()).toBe(0);
  });

  it('fires connection_error when the connection fails', async () => {
    const { net } = await loopbackPair();
    const c = new WebSocketClient({ connect: net.connect });
    let errors = 0;
    c.on('connection_error', () => errors++);
    c.connectToUrl('ws://loopback:9/');
    await settle([c], () => errors === 1);
    await expect(opened(c)).rejects.toMatchObject({ code: ErrorCode.ERR_CANT_CONNECT });
  });
});
