import { REPLICATION_IMPLEMENTATIONS } from './replication/replication-implementations.js';
import type { ServerKind } from './server/bench-server.js';

/** The implementations compared. */
export type ImplId =
  | 'ws'
  | 'wspeer-tick'
  | 'wspeer-auto'
  | 'socketio'
  | 'page-ws'
  | 'wspeer-page'
  | 'wspeer-replication'
  | 'json-ws'
  | 'json-ws-compact';

/** How one implementation is run. */
export interface Implementation {
  id: ImplId;
  /** Column title. */
  label: string;
  /** What it is, for the notes under the tables. */
  description: string;
  /** Its echo server, if it has one. */
  echo?: ServerKind;
  /** Its Godot 3 relay server, if it has one. */
  relay?: ServerKind;
  /** Whether the bench client speaks Socket.IO's framing to it. */
  socketIo?: boolean;
}

/** Every implementation, in column order. */
export const IMPLEMENTATIONS: readonly Implementation[] = [
  {
    id: 'ws',
    label: 'ws',
    description:
      'raw `ws` 8.23: `ws.send(data)` straight from the message event (echo); a hand-written relay with the same Godot 3 header checks (relay)',
    echo: 'ws-echo',
    relay: 'ws-relay',
  },
  {
    id: 'wspeer-tick',
    label: 'wspeer tick',
    description:
      'wspeer `WebSocketServer` / `WebSocketMultiplayerPeer` polled once per event-loop turn by a `setImmediate` game loop (busy while a round runs, 50 Hz between rounds)',
    echo: 'wspeer-echo-tick',
    relay: 'wspeer-relay-tick',
  },
  {
    id: 'wspeer-auto',
    label: 'wspeer auto',
    description: 'the same with `autoPoll: true`: a poll is scheduled (microtask) as soon as anything arrives',
    echo: 'wspeer-echo-auto',
    relay: 'wspeer-relay-auto',
  },
  {
    id: 'socketio',
    label: 'socket.io',
    description:
      'Socket.IO 4.8 server, `transports: ["websocket"]`, `socket.on("e", d => socket.emit("e", d))` (binary = placeholder text frame + binary frame)',
    echo: 'socketio-echo',
    socketIo: true,
  },
  {
    id: 'page-ws',
    label: 'page WebSocket',
    description: "Chromium page: the page's own `WebSocket`, echoing against the raw `ws` echo server",
  },
  {
    id: 'wspeer-page',
    label: 'wspeer (page)',
    description: "Chromium page: wspeer's browser build (`WebSocketClient`, `autoPoll`) against the same server",
  },
  ...REPLICATION_IMPLEMENTATIONS,
];

/** The implementation with id `id`. */
export function implementation(id: ImplId): Implementation {
  const found = IMPLEMENTATIONS.find((impl) => impl.id === id);
  if (found === undefined) throw new Error(`unknown implementation ${id}`);
  return found;
}
