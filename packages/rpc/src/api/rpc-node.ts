import type { ErrorCode } from '@wspeer/core';
import type { Variant } from '@wspeer/variant';
import type { ArgType } from './arg-type.js';
import { METHOD_ENTRY, PROPERTY_ENTRY, SET_MASTER_ONLY } from './node-keys.js';
import { nodePathKey } from './node-path-key.js';
import { parseRpcMode, type RpcMode, type RpcModeName } from './rpc-mode.js';

/** Any RPC handler: its parameter types are what `rpc()` accepts for that method. */
// biome-ignore lint/suspicious/noExplicitAny: handlers are typed by the user; `never[]` would reject them in inference.
export type RpcHandler = (...args: any[]) => unknown;

/** A method callable by RPC. */
export interface MethodSpec<H extends RpcHandler = RpcHandler> {
  /** Who may call it (`'remote'`, `'master'`, `'puppet'`, `'remotesync'`..., or `'any_peer'`/`'authority'`). */
  mode: RpcModeName;
  /** Also run locally when called (Godot 4's `call_local`; turns `remote` into `remotesync` and so on). */
  callLocal?: boolean;
  /** The function; `api.getRpcSenderId()` tells who called it. */
  handler: H;
  /**
   * Godot types of the arguments (`'int'`, `'float'`, `'String'`, `'Vector2'`, ... or `'Variant'`).
   * When given, integral numbers go out as `float` where `'float'` is declared, and incoming
   * calls with the wrong count or types are refused.
   */
  args?: readonly ArgType[];
}

/** A property settable by `rset`. */
export interface PropertySpec<T = Variant> {
  /** Who may set it. */
  mode: RpcModeName;
  /** Also set it locally when `rset` is called. */
  callLocal?: boolean;
  /** The current value (also the initial one). */
  value: T;
  /** Godot type of the value, used like a method's `args`. */
  type?: ArgType;
  /** Called after a remote (or local sync) `rset` changed the value. */
  changed?(value: T): void;
}

/** Methods of a node, by name. */
export type MethodMap = Record<string, MethodSpec>;
/** Properties of a node, by name. */
// biome-ignore lint/suspicious/noExplicitAny: value types are the user's; `changed` makes the spec invariant otherwise.
export type PropertyMap = Record<string, PropertySpec<any>>;

/** What `MultiplayerAPI.node()` takes. */
export interface NodeSpec<M extends MethodMap, P extends PropertyMap> {
  /** Methods callable by RPC, by name. */
  methods?: M;
  /** Properties settable by rset, by name. */
  properties?: P;
  /** The node's network master (default 1, the server). */
  master?: number;
}

/** The mode and spec of one method or property of a node. */
export interface MemberEntry<S> {
  /** Who may call or set it. */
  mode: RpcMode;
  /** The method's or property's spec. */
  spec: S;
}

/** The API side a node talks to (implemented by `MultiplayerAPI`). */
export interface RpcHost {
  /** Sends (and maybe runs locally) a call of `method` on `node`: Godot 3.2's `rpcp`. */
  rpcp(node: RpcNode, peer: number, unreliable: boolean, method: string, args: readonly unknown[]): ErrorCode;
  /** Sends (and maybe applies locally) a set of `property` on `node`: Godot 3.2's `rsetp`. */
  rsetp(node: RpcNode, peer: number, unreliable: boolean, property: string, value: unknown): ErrorCode;
  /** Our peer id. */
  ownId(): number;
  /** Sets the master of every registered node under `path`. */
  setMasterUnder(path: string, id: number): void;
}

/** The mode of each member of `specs`, by name. */
function modesOf(specs?: {
  readonly [name: string]: { mode: RpcModeName; callLocal?: boolean };
}): Map<string, RpcMode> {
  const modes = new Map<string, RpcMode>();
  for (const [name, spec] of Object.entries(specs ?? {})) modes.set(name, parseRpcMode(spec.mode, spec.callLocal));
  return modes;
}

/**
 * A node registered at a path under the MultiplayerAPI root, with typed `rpc`/`rset`: calling an
 * unknown method or passing arguments of the wrong types does not compile.
 */
export class RpcNode<M extends MethodMap = MethodMap, P extends PropertyMap = PropertyMap> {
  /** The path relative to the root, e.g. `"Main/Panel/VBoxContainer/Game"`. */
  declare readonly path: string;
  readonly #host: RpcHost;
  readonly #spec: NodeSpec<M, P>;
  #master: number;
  readonly #methodModes: Map<string, RpcMode>;
  readonly #propertyModes: Map<string, RpcMode>;

  /** A node at `path` (made by `MultiplayerAPI.node()`). */
  constructor(host: RpcHost, path: string, spec: NodeSpec<M, P>) {
    this.#host = host;
    this.#spec = spec;
    this.path = nodePathKey(path);
    this.#master = spec.master ?? 1;
    this.#methodModes = modesOf(spec.methods);
    this.#propertyModes = modesOf(spec.properties);
  }

  /** Calls `method` on every peer (and locally for `*sync` modes). */
  rpc<K extends keyof M & string>(method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host.rpcp(this, 0, false, method, args);
  }

  /** Calls `method` on one peer (negative: on everyone but that peer). */
  rpcId<K extends keyof M & string>(peer: number, method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host.rpcp(this, peer, false, method, args);
  }

  /** `rpc` with the unreliable transfer mode (reported; WebSocket is reliable). */
  rpcUnreliable<K extends keyof M & string>(method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host.rpcp(this, 0, true, method, args);
  }

  /** `rpcId` with the unreliable transfer mode. */
  rpcUnreliableId<K extends keyof M & string>(
    peer: number,
    method: K,
    ...args: Parameters<M[K]['handler']>
  ): ErrorCode {
    return this.#host.rpcp(this, peer, true, method, args);
  }

  /** Sets `property` on every peer (and locally for `*sync` modes). */
  rset<K extends keyof P & string>(property: K, value: P[K]['value']): ErrorCode {
    return this.#host.rsetp(this, 0, false, property, value);
  }

  /** Sets `property` on one peer. */
  rsetId<K extends keyof P & string>(peer: number, property: K, value: P[K]['value']): ErrorCode {
    return this.#host.rsetp(this, peer, false, property, value);
  }

  /** `rset` with the unreliable transfer mode. */
  rsetUnreliable<K extends keyof P & string>(property: K, value: P[K]['value']): ErrorCode {
    return this.#host.rsetp(this, 0, true, property, value);
  }

  /** `rsetId` with the unreliable transfer mode. */
  rsetUnreliableId<K extends keyof P & string>(peer: number, property: K, value: P[K]['value']): ErrorCode {
    return this.#host.rsetp(this, peer, true, property, value);
  }

  /** The current value of a property. */
  get<K extends keyof P & string>(property: K): P[K]['value'] {
    return (this.#spec.properties as P)[property]?.value;
  }

  /** Sets a property here only (no network). */
  set<K extends keyof P & string>(property: K, value: P[K]['value']): void {
    const spec = this.#spec.properties?.[property];
    if (spec !== undefined) spec.value = value;
  }

  /** Changes a method's mode at runtime (Godot's `rpc_config`). */
  rpcConfig(method: keyof M & string, mode: RpcModeName, callLocal = false): void {
    this.#methodModes.set(method, parseRpcMode(mode, callLocal));
  }

  /** Changes a property's mode at runtime (Godot's `rset_config`). */
  rsetConfig(property: keyof P & string, mode: RpcModeName, callLocal = false): void {
    this.#propertyModes.set(property, parseRpcMode(mode, callLocal));
  }

  /** Sets the network master (and, with `recursive`, of every registered node below this path). */
  setNetworkMaster(id: number, recursive = true): void {
    this.#master = id;
    if (recursive) this.#host.setMasterUnder(this.path, id);
  }

  /** The network master's id (default 1). */
  getNetworkMaster(): number {
    return this.#master;
  }

  /** Whether this peer is the node's master. */
  isNetworkMaster(): boolean {
    return this.#master === this.#host.ownId();
  }

  /** The mode and spec of a method, or `undefined`. */
  [METHOD_ENTRY](name: string): MemberEntry<MethodSpec> | undefined {
    return entry(this.#spec.methods?.[name], this.#methodModes.get(name));
  }

  /** The mode and spec of a property, or `undefined`. */
  [PROPERTY_ENTRY](name: string): MemberEntry<PropertySpec> | undefined {
    return entry(this.#spec.properties?.[name] as PropertySpec | undefined, this.#propertyModes.get(name));
  }

  /** Sets the master without recursion. */
  [SET_MASTER_ONLY](id: number): void {
    this.#master = id;
  }
}

function entry<S>(spec: S | undefined, mode: RpcMode | undefined): MemberEntry<S> | undefined {
  return spec === undefined || mode === undefined ? undefined : { mode, spec };
}
