import {
  FullWebSocketPeer,
  LoopbackNetwork,
  type WebSocketPeerOptions,
  WebSocketServer,
  type WebSocketServerOptions,
} from '@wspeer/core';

/** Lets queued microtasks and the transport's deliveries run. */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A loopback network with one listening server and a factory of connected client peers. */
export async function loopbackPair(serverOptions: WebSocketServerOptions = {}, protocols: string[] = []) {
  const net = new LoopbackNetwork();
  const server = new WebSocketServer({ listen: net.listen, ...serverOptions });
  server.listen(0, protocols);
  const port = await server.listening(1000);
  const url = `ws://loopback:${port}/`;
  // The peer Node clients get (heartbeat, back-pressure): what the loopback stands in for.
  const client = (options: WebSocketPeerOptions = {}) => new FullWebSocketPeer({ connect: net.connect, ...options });
  return { net, server, url, client };
}

/** Polls every peer until `done()` or ~2 s. */
export async function settle(pollables: Array<{ poll(): void }>, done: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    for (const p of pollables) p.poll();
    if (done()) return;
    await tick(5);
  }
  throw new Error('settle: condition never became true');
}
