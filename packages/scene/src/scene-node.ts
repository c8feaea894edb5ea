import type { ErrorCode } from '@wspeer/core';
import { RpcConfig, type SceneMethodMap } from './rpc-config.js';

/** What a node registered with `SceneMultiplayer.node()` declares. */
export interface SceneNodeSpec<M extends SceneMethodMap> {
  /** The node's `@rpc` methods, by name (the same names as the Godot script's, or the checksum fails). */
  methods?: M;
  /** The node's multiplayer authority (default 1, the server). */
  authority?: number;
}

/** The multiplayer side a node talks to (implemented by `SceneMultiplayer`). */
export interface SceneNodeHost {
  /** Sends (and maybe runs locally) a call of `method` on `node` for peer `to`. */
  callRpc(node: SceneNode, to: number, method: string, args: readonly unknown[]): ErrorCode;
  /** Our peer id. */
  ownId(): number;
  /** Sets the authority of every registered node below `path`. */
  setAuthorityUnder(path: string, id: number): void;
}

/**
 * A node at a path under the SceneMultiplayer root, with its `@rpc` methods and multiplayer
 * authority: Godot 4's `Node.rpc()` / `rpc_id()`, typed, so an unknown method or an argument of the
 * wrong type does not compile.
 */
export class SceneNode<M extends SceneMethodMap = SceneMethodMap> {
  /** The path relative to the root (`"Main/Game"`), as it travels in SIMPLIFY_PATH. */
  declare readonly path: string;
  /** The RPC table: method ids, checksum. */
  declare readonly config: RpcConfig;
  readonly #host: SceneNodeHost;
  #authority: number;

  /** A node at `path` (made by `SceneMultiplayer.node()`). */
  constructor(host: SceneNodeHost, path: string, spec: SceneNodeSpec<M>) {
    this.#host = host;
    this.path = path;
    this.config = new RpcConfig(spec.methods);
    this.#authority = spec.authority ?? 1;
  }

  /** Calls `method` on every peer (and here too with `callLocal`), as Godot's `rpc()`. */
  rpc<K extends keyof M & string>(method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host.callRpc(this, 0, method, args);
  }

  /** Calls `method` on peer `peer` (0 all, -N all but N), as Godot's `rpc_id()`. */
  rpcId<K extends keyof M & string>(peer: number, method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host.callRpc(this, peer, method, args);
  }

  /** Sets the multiplayer authority (with `recursive`, of every registered node below too), as Godot's. */
  setMultiplayerAuthority(id: number, recursive = true): void {
    this.#authority = id;
    if (recursive) this.#host.setAuthorityUnder(this.path, id);
  }

  /** The multiplayer authority's peer id (default 1). */
  getMultiplayerAuthority(): number {
    return this.#authority;
  }

  /** Whether this peer is the node's multiplayer authority. */
  isMultiplayerAuthority(): boolean {
    return this.#authority === this.#host.ownId();
  }

  /** Sets the authority of this node only (used by `setMultiplayerAuthority` on an ancestor). */
  setAuthorityOnly(id: number): void {
    this.#authority = id;
  }
}
