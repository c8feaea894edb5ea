import type { ErrorCode } from '@wspeer/core';
import { msg } from '@wspeer/core';
import type { Variant, VariantCodec } from '@wspeer/variant';
import { type ArgType, argTypeId } from './arg-type.js';
import { MEMBER, NODES, SEND } from './node-keys.js';
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
  /** Who may call or set it (`rpcConfig` / `rsetConfig` change it). */
  mode: RpcMode;
  /** The method's or property's spec. */
  readonly spec: S;
  /** The declared types as ids (`args`, or [`type`]; -1: Variant), or `undefined` when none are declared. */
  readonly types: readonly number[] | undefined;
}

/** The API side a node talks to (implemented by `MultiplayerAPI`; symbols keep it off its public members). */
export interface RpcHost {
  /**
   * Sends (and maybe runs here) a call of a method (`set` false: Godot 3.2's `rpcp`, `values` its
   * arguments) or a set of a property (`rsetp`, `values` = [value]) on `node`.
   */
  [SEND](
    node: RpcNode,
    peer: number,
    unreliable: boolean,
    set: boolean,
    name: string,
    values: readonly unknown[],
  ): ErrorCode;
  /** The registered nodes by path (`setNetworkMaster` recurses through them). */
  readonly [NODES]: ReadonlyMap<string, RpcNode>;
  /** Our peer id. */
  getUniqueId(): number;
}

/** The entries of `specs` by name; throws for an unknown mode or a declared type `codec` cannot decode. */
function entriesOf<S extends MethodSpec | PropertySpec>(
  specs: { readonly [name: string]: S } | undefined,
  codec: VariantCodec,
  what: string,
): Map<string, MemberEntry<S>> {
  const entries = new Map<string, MemberEntry<S>>();
  for (const [name, spec] of Object.entries(specs ?? {})) {
    const declared = 'handler' in spec ? spec.args : spec.type && [spec.type];
    const types = declared?.map((type) => argTypeId(type, codec, msg`${what} '${name}'`));
    entries.set(name, { mode: parseRpcMode(spec.mode, spec.callLocal), spec, types });
  }
  return entries;
}

/**
 * A node registered at a path under the MultiplayerAPI root, with typed `rpc`/`rset`: calling an
 * unknown method or passing arguments of the wrong types does not compile.
 */
export class RpcNode<M extends MethodMap = MethodMap, P extends PropertyMap = PropertyMap> {
  /** The path relative to the root, e.g. `"Main/Panel/VBoxContainer/Game"`. */
  declare readonly path: string;
  readonly #host: RpcHost;
  #master: number;
  readonly #methods: Map<string, MemberEntry<MethodSpec>>;
  readonly #properties: Map<string, MemberEntry<PropertySpec>>;

  /**
   * A node at `path` (made by `MultiplayerAPI.node()`, whose `codec` must decode the declared types);
   * throws for an unknown mode or an undecodable declared type.
   */
  constructor(host: RpcHost, path: string, spec: NodeSpec<M, P>, codec: VariantCodec) {
    this.#host = host;
    this.path = nodePathKey(path);
    this.#master = spec.master ?? 1;
    const on = msg` on ${this.path}`;
    this.#methods = entriesOf<MethodSpec>(spec.methods, codec, `RPC${on}`);
    this.#properties = entriesOf<PropertySpec>(spec.properties, codec, `Property${on}`);
  }

  /** Calls `method` on every peer (and locally for `*sync` modes). */
  rpc<K extends keyof M & string>(method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host[SEND](this, 0, false, false, method, args);
  }

  /** Calls `method` on one peer (negative: on everyone but that peer). */
  rpcId<K extends keyof M & string>(peer: number, method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host[SEND](this, peer, false, false, method, args);
  }

  /** `rpc` with the unreliable transfer mode (reported; WebSocket is reliable). */
  rpcUnreliable<K extends keyof M & string>(method: K, ...args: Parameters<M[K]['handler']>): ErrorCode {
    return this.#host[SEND](this, 0, true, false, method, args);
  }

  /** `rpcId` with the unreliable transfer mode. */
  rpcUnreliableId<K extends keyof M & string>(
    peer: number,
    method: K,
    ...args: Parameters<M[K]['handler']>
  ): ErrorCode {
    return this.#host[SEND](this, peer, true, false, method, args);
  }

  /** Sets `property` on every peer (and locally for `*sync` modes). */
  rset<K extends keyof P & string>(property: K, value: P[K]['value']): ErrorCode {
    return this.#host[SEND](this, 0, false, true, property, [value]);
  }

  /** Sets `property` on one peer. */
  rsetId<K extends keyof P & string>(peer: number, property: K, value: P[K]['value']): ErrorCode {
    return this.#host[SEND](this, peer, false, true, property, [value]);
  }

  /** `rset` with the unreliable transfer mode. */
  rsetUnreliable<K extends keyof P & string>(property: K, value: P[K]['value']): ErrorCode {
    return this.#host[SEND](this, 0, true, true, property, [value]);
  }

  /** `rsetId` with the unreliable transfer mode. */
  rsetUnreliableId<K extends keyof P & string>(peer: number, property: K, value: P[K]['value']): ErrorCode {
    return this.#host[SEND](this, peer, true, true, property, [value]);
  }

  /** The current value of a property. */
  get<K extends keyof P & string>(property: K): P[K]['value'] {
    return this.#properties.get(property)?.spec.value;
  }

  /** Sets a property here only (no network). */
  set<K extends keyof P & string>(property: K, value: P[K]['value']): void {
    const entry = this.#properties.get(property);
    if (entry !== undefined) entry.spec.value = value;
  }

  /** Changes a method's mode at runtime (Godot's `rpc_config`). */
  rpcConfig(method: keyof M & string, mode: RpcModeName, callLocal = false): void {
    this.#configure(this.#methods, method, mode, callLocal);
  }

  /** Changes a property's mode at runtime (Godot's `rset_config`). */
  rsetConfig(property: keyof P & string, mode: RpcModeName, callLocal = false): void {
    this.#configure(this.#properties, property, mode, callLocal);
  }

  #configure(entries: Map<string, MemberEntry<unknown>>, name: string, mode: RpcModeName, callLocal: boolean): void {
    const parsed = parseRpcMode(mode, callLocal);
    const entry = entries.get(name);
    if (entry !== undefined) entry.mode = parsed;
  }

  /** Sets the network master (and, with `recursive`, of every registered node below this path). */
  setNetworkMaster(id: number, recursive = true): void {
    this.#master = id;
    if (recursive) {
      const prefix = `${this.path}/`;
      for (const node of this.#host[NODES].values()) if (node.path.startsWith(prefix)) node.#master = id;
    }
  }

  /** The network master's id (default 1). */
  getNetworkMaster(): number {
    return this.#master;
  }

  /** Whether this peer is the node's master. */
  isNetworkMaster(): boolean {
    return this.#master === this.#host.getUniqueId();
  }

  /** The mode and spec of a property (`set`) or a method, or `undefined`. */
  [MEMBER](set: boolean, name: string): MemberEntry<Partial<MethodSpec & PropertySpec>> | undefined {
    return (set ? this.#properties : this.#methods).get(name);
  }
}
