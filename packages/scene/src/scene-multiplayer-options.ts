import type { VariantCodec } from '@wspeer/variant';
import type { SceneAuth } from './scene-auth.js';
import type { SceneServer } from './scene-server.js';

/** Signals of `SceneMultiplayer`, named as Godot 4's. */
export interface SceneMultiplayerEvents {
  /** A peer was admitted (on clients: the server as 1, and other clients as the server announces them). */
  peer_connected: (id: number) => void;
  /** An admitted peer left. */
  peer_disconnected: (id: number) => void;
  /** Client: the server admitted us. */
  connected_to_server: () => void;
  /** Client: the connection attempt failed. */
  connection_failed: () => void;
  /** Client: the server went away. */
  server_disconnected: () => void;
  /** A peer connected and the authentication exchange started (an `authCallback` is set). */
  peer_authenticating: (id: number) => void;
  /** A peer left or timed out before both sides completed authentication. */
  peer_authentication_failed: (id: number) => void;
  /** `send_bytes` data arrived from `id` (a view; copy it to keep it past the handler). */
  peer_packet: (id: number, packet: Uint8Array) => void;
  /** A received packet was refused (malformed, unknown node or method, mode rule, checksum). Not a Godot signal. */
  rpc_refused: (from: number, reason: string) => void;
}

/** Receives authentication data from a peer: `sendAuth` answers, `completeAuth` ends the exchange. */
export type AuthCallback = (id: number, data: Uint8Array) => void;

/** Settings of a `SceneMultiplayer`; all but `autoPoll`, `log`, `codec`, `server` and `auth` are also writable properties. */
export interface SceneMultiplayerOptions {
  /** Process packets as soon as they arrive (and turn on the peer's `autoPoll`), for servers without a game loop. */
  autoPoll?: boolean;
  /** The root node paths are relative to (default `/root`, as Godot's `root_path`). */
  rootPath?: string;
  /**
   * Turns on authentication: new peers are admitted only after both sides called `completeAuth`.
   * Needs the `auth` option.
   */
  authCallback?: AuthCallback | null;
  /**
   * Authentication ({@link SceneAuth}: `authCallback`, `sendAuth`, `completeAuth`, `authTimeout`), an
   * opt-in feature in Node as in browsers (the same code behaves the same):
   * `{ auth: sceneAuth }`. Without it no `authCallback` can be set (and no peer authenticates).
   */
  auth?: SceneAuth | null;
  /** Seconds a peer may take to authenticate before it is dropped (default 3; 0 = no limit). */
  authTimeout?: number;
  /** The server relays between clients and announces peers (default true, as Godot's `server_relay`). */
  serverRelay?: boolean;
  /** Most node paths one peer may teach us with SIMPLIFY_PATH (default 1024). */
  maxPathCacheEntries?: number;
  /** Most nested containers in a received argument (default 256, `DEFAULT_MAX_DEPTH`). */
  maxDepth?: number;
  /** Where refusal warnings go (rate-limited) when nobody listens to `rpc_refused`; `null` silences them. */
  log?: ((line: string) => void) | null;
  /**
   * The Godot 4 Variant codec for arguments and replicated values (default `godot4CoreCodec`: nil,
   * bool, int, float, String, Array, Dictionary; other types arrive as opaque `VariantBytes`, and
   * sending them fails). Give `godot4Codec` for every type, or `withTypes(godot4CoreCodec,
   * godot4Vector2, ...)` for the ones a game uses: a build carries only the types its codec has.
   */
  codec?: VariantCodec;
  /**
   * The server side ({@link SceneServer}: peer announcements and the relay), needed by a server with
   * `serverRelay` on. `wspeer/scene` in Node passes `sceneServer` by default; in a browser (a server in
   * a page, over an in-memory peer) pass it yourself: `{ server: sceneServer }`.
   */
  server?: SceneServer | null;
}

/** What `SceneMultiplayer.stats()` reports. */
export interface SceneStats {
  /** Admitted peers. */
  peers: number;
  /** Peers in the authentication exchange. */
  authenticating: number;
  /** Refused packets by kind, and peers dropped for not authenticating within `authTimeout` (`auth-timeout`). */
  refusals: Record<string, number>;
}
