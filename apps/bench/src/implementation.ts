import type { ClientLaunch } from './client/client-launch.js';
import type { ServerLaunch } from './server/bench-server.js';

/** The implementations compared: servers, browser clients, and Node clients (client group). */
export type ImplId =
  | 'ws'
  | 'ws-cork'
  | 'ws-bu'
  | 'ws-cork-bu'
  | 'wspeer-tick'
  | 'wspeer-auto'
  | 'socketio'
  | 'page-ws'
  | 'wspeer-page'
  | 'client-ws'
  | 'client-ws-bu'
  | 'client-wspeer-tick'
  | 'client-wspeer-auto'
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
  echo?: ServerLaunch;
  /** Its Godot 3 relay server, if it has one. */
  relay?: ServerLaunch;
  /** Whether the bench client speaks Socket.IO's framing to it. */
  socketIo?: boolean;
  /** Its client process (client group), if it is a Node client. */
  client?: ClientLaunch;
}
