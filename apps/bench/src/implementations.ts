import { REPLICATION_IMPLEMENTATIONS } from './replication/replication-implementations.js';

export type { Implementation, ImplId } from './implementation.js';

import type { Implementation, ImplId } from './implementation.js';

const WS_ECHO = 'a raw `ws` 8.23 server echoing with `ws.send(data)` straight from the message event';

/** Every implementation, in column order. */
export const IMPLEMENTATIONS: readonly Implementation[] = [
  {
    id: 'ws',
    label: 'ws',
    description: `${WS_ECHO}, as its README shows it, without \`bufferutil\` (masking in JavaScript)`,
    echo: { kind: 'ws-echo', bufferutil: false },
  },
  {
    id: 'ws-cork',
    label: 'ws cork',
    description:
      'the same with writes corked per turn: the first send of a turn calls `ws._socket.cork()` and queues `uncork` with `process.nextTick` (Node\'s "Backpressuring in Streams" guide; websockets/ws#1999), so all echoes of one received chunk leave in one `writev`',
    echo: { kind: 'ws-echo-cork', bufferutil: false },
  },
  {
    id: 'ws-bu',
    label: 'ws+bu',
    description:
      'plain `ws` with `bufferutil` 4.1 installed (its documented setup: native masking); relay: a hand-written `ws` relay with the same Godot 3 header checks, with `bufferutil`',
    echo: { kind: 'ws-echo', bufferutil: true },
    relay: { kind: 'ws-relay', bufferutil: true },
  },
  {
    id: 'ws-cork-bu',
    label: 'ws cork+bu',
    description: 'corked per turn and with `bufferutil`: the best tuned `ws` configuration here',
    echo: { kind: 'ws-echo-cork', bufferutil: true },
  },
  {
    id: 'wspeer-tick',
    label: 'wspeer tick',
    description:
      'wspeer `WebSocketServer` / `WebSocketMultiplayerPeer` polled once per event-loop turn by a `setImmediate` game loop (busy while a round runs, 50 Hz between rounds); `bufferutil` installed as its optional dependency',
    echo: { kind: 'wspeer-echo-tick', bufferutil: true },
    relay: { kind: 'wspeer-relay-tick', bufferutil: true },
  },
  {
    id: 'wspeer-auto',
    label: 'wspeer auto',
    description: 'the same with `autoPoll: true`: a poll is scheduled (microtask) as soon as anything arrives',
    echo: { kind: 'wspeer-echo-auto', bufferutil: true },
    relay: { kind: 'wspeer-relay-auto', bufferutil: true },
  },
  {
    id: 'socketio',
    label: 'socket.io',
    description:
      'Socket.IO 4.8 server with `bufferutil` (its documented setup), `transports: ["websocket"]`, `socket.on("e", d => socket.emit("e", d))` (binary = placeholder text frame + binary frame)',
    echo: { kind: 'socketio-echo', bufferutil: true },
    socketIo: true,
  },
  {
    id: 'page-ws',
    label: 'page WebSocket',
    description: "Chromium page: the page's own `WebSocket`, echoing against the `ws+bu` echo server",
  },
  {
    id: 'wspeer-page',
    label: 'wspeer (page)',
    description: "Chromium page: wspeer's browser build (`WebSocketClient`, `autoPoll`) against the same server",
  },
  {
    id: 'client-ws',
    label: 'ws client',
    description:
      'Node client process: `ws` 8.23 `WebSocket`s, one `ws.send` per message from the message event (one socket write per message, as a Node bot sends), without `bufferutil`',
    client: { kind: 'ws', bufferutil: false },
  },
  {
    id: 'client-ws-bu',
    label: 'ws+bu client',
    description: 'the same with `bufferutil` (native masking of every client frame)',
    client: { kind: 'ws', bufferutil: true },
  },
  {
    id: 'client-wspeer-tick',
    label: 'wspeer client tick',
    description:
      'Node client process: wspeer `WebSocketClient`s (Godot 3 API: `data_received`, `getPacket`, `putPacket`), all polled once per event-loop turn by a `setImmediate` game loop',
    client: { kind: 'wspeer-tick', bufferutil: true },
  },
  {
    id: 'client-wspeer-auto',
    label: 'wspeer client auto',
    description: 'the same clients with `autoPoll: true`',
    client: { kind: 'wspeer-auto', bufferutil: true },
  },
  ...REPLICATION_IMPLEMENTATIONS,
];

/** The implementation with id `id`. */
export function implementation(id: ImplId): Implementation {
  const found = IMPLEMENTATIONS.find((impl) => impl.id === id);
  if (found === undefined) throw new Error(`unknown implementation ${id}`);
  return found;
}

/** The `ws` server configurations; "best ws" in a cell is whichever of them did best there. */
export const WS_SERVERS: readonly ImplId[] = ['ws', 'ws-cork', 'ws-bu', 'ws-cork-bu'];

/** The `ws` client configurations of the client group. */
export const WS_CLIENTS: readonly ImplId[] = ['client-ws', 'client-ws-bu'];
