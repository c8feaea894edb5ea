import { LoopbackNetwork } from '@wspeer/core';
import { multiplayerServer, WebSocketMultiplayerPeer, type Wire } from '@wspeer/multiplayer';

/** Lets queued deliveries run. */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls everything until `done()` or ~3 s. */
export async function settle(peers: Array<{ poll(): void }>, done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for (const p of peers) p.poll();
    if (done()) return;
    await tick(5);
  }
  throw new Error(`settle: ${what} never happened`);
}

/** Everything a peer received, in order, as `from:bytes` strings. */
export function drain(peer: WebSocketMultiplayerPeer): string[] {
  const out: string[] = [];
  while (peer.getAvailablePacketCount() > 0) {
    const from = peer.getPacketPeer();
    out.push(`${from}:${Array.from(peer.getPacket()).join(',')}`);
  }
  return out;
}

/** A loopback server and `n` connected clients on the given wire. */
export async function room(wire: Wire, n: number) {
  const net = new LoopbackNetwork();
  const make = () =>
    new WebSocketMultiplayerPeer({ connect: net.connect, server: multiplayerServer(net.listen), wire, log: null });
  const server = make();
  const joined: number[] = [];
  server.on('peer_connected', (id) => joined.push(id));
  server.createServer(0);
  const port = await server.listening(1000);
  const url = `ws://loopback:${port}/`;
  const clients: WebSocketMultiplayerPeer[] = [];
  const announced = new Map<WebSocketMultiplayerPeer, number[]>();
  for (let i = 0; i < n; i++) {
    const client = make();
    const seen: number[] = [];
    announced.set(client, seen);
    client.on('peer_connected', (id) => seen.push(id));
    client.createClient(url);
    clients.push(client);
    await settle([server, ...clients], () => client.getConnectionStatus() === 2, `client ${i} to connect`);
  }
  const all = [server, ...clients];
  if (wire === 'godot3') {
    await settle(all, () => clients.every((c) => announced.get(c)?.length === n), 'peer lists');
  }
  return { net, server, clients, all, url, joined, make, announced };
}
