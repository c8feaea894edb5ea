import {
  AutoPoll,
  boundedText,
  ConnectionStatus,
  ErrorCode,
  reportHandlerError,
  SignalEmitter,
  Tally,
} from '@wspeer/core';
import { DropLog, type MultiplayerPeer, TransferMode } from '@wspeer/multiplayer';
import { ByteReader, DECODE_FAILED, readVariant, type Variant } from '@wspeer/variant';
import { coerceArg, firstMismatch } from './arg-type.js';
import { canCallMode, shouldCallLocal } from './mode-rules.js';
import { FULL_PATH_FLAG, NetworkCommand } from './network-command.js';
import { METHOD_ENTRY, PROPERTY_ENTRY, SET_MASTER_ONLY } from './node-keys.js';
import { nodePathKey } from './node-path-key.js';
import { DEFAULT_MAX_PATH_CACHE_BYTES, PathCaches, type SentPath } from './path-caches.js';
import { RpcMode, rpcModeName } from './rpc-mode.js';
import { type MethodMap, type NodeSpec, type PropertyMap, type RpcHost, RpcNode } from './rpc-node.js';
import {
  type CallPacket,
  callPacket,
  confirmPathPacket,
  fullPathForm,
  packetWord,
  rawPacket,
  readCString,
  simplifyPathPacket,
} from './rpc-packets.js';

/** A method's handler, as registered with `api.node(path, { methods })`. */
type Handler = (...args: never[]) => unknown;

/** Signals of {@link MultiplayerAPI}, named as Godot 3's. */
export interface MultiplayerAPIEvents {
  /** A peer joined (on clients also other clients, as the server announces them). */
  network_peer_connected: (id: number) => void;
  /** A peer left. */
  network_peer_disconnected: (id: number) => void;
  /** Client: the server accepted us. */
  connected_to_server: () => void;
  /** Client: the connection attempt failed. */
  connection_failed: () => void;
  /** Client: the server went away. */
  server_disconnected: () => void;
  /** A `sendBytes` packet arrived. */
  network_peer_packet: (id: number, packet: Uint8Array) => void;
  /**
   * A received packet was refused (bad packet, unknown node, mode rule). `reason` quotes remote
   * input only bounded (64 characters); `kind` names the rule, as counted in `stats().refused`.
   * Not a Godot signal.
   */
  rpc_refused: (from: number, reason: string, kind: string) => void;
}

/** What a {@link MultiplayerAPI} has refused and holds for remote peers (`stats()`). */
export interface RpcStats {
  /**
   * Refused packets by kind: `too-small`, `unknown-command`, `bad-utf8`, `path-cache-full`,
   * `unknown-path`, `bad-path-offset`, `unknown-cached-path`, `unknown-node`, `not-allowed`,
   * `bad-argument`, `wrong-arguments`.
   */
  refused: Record<string, number>;
  /** Paths remote senders taught us (SIMPLIFY_PATH), in all. */
  cachedPaths: number;
  /** What those cost, in bytes (UTF-8 plus 32 per entry; each sender within `maxPathCacheBytes`). */
  cachedPathBytes: number;
}

/** Settings of a {@link MultiplayerAPI}. */
export interface MultiplayerAPIOptions {
  /**
   * Process packets by itself as soon as they arrive (and turn on the peer's `autoPoll`), for
   * servers without a game loop. RPCs then run from a microtask, never from a socket callback.
   */
  autoPoll?: boolean;
  /** Where refusal warnings go (rate-limited) when nobody listens to `rpc_refused`; `null` silences them. */
  log?: ((line: string) => void) | null;
  /**
   * Most bytes of node paths one remote peer may teach us with SIMPLIFY_PATH (their UTF-8 bytes
   * plus 32 per entry; default 64 KiB). Past it a path is refused and not confirmed, so the peer
   * keeps naming that node by its full path.
   */
  maxPathCacheBytes?: number;
}

/** The peer signals the API listens to. */
type PeerSignal =
  | 'peer_connected'
  | 'peer_disconnected'
  | 'peer_packet'
  | 'connection_succeeded'
  | 'connection_failed'
  | 'server_disconnected';

const TOO_SMALL = 'Invalid packet received. Size too small.';

/**
 * Godot 3.2's high-level multiplayer over any {@link MultiplayerPeer}: nodes registered by path
 * call each other's methods (`rpc`) and set properties (`rset`) under Godot's mode rules, with
 * Godot 3.2's packet format, path cache and Variant encoding, so Godot 3 games and TypeScript peers
 * interoperate.
 */
export class MultiplayerAPI extends SignalEmitter<MultiplayerAPIEvents> {
  #peer: MultiplayerPeer | null = null;
  readonly #connected = new Set<number>();
  readonly #caches: PathCaches;
  readonly #refusals = new Tally();
  readonly #nodes = new Map<string, RpcNode>();
  #sender = 0;
  readonly #drops: DropLog;
  readonly #handlers: Record<PeerSignal, (id: number) => void>;
  #error = '';
  #auto: boolean;
  readonly #autoPoll = new AutoPoll(() => this.poll(), 'MultiplayerAPI.poll');

  /** An API over `peer` (or none yet: set {@link MultiplayerAPI.networkPeer} later). */
  constructor(peer: MultiplayerPeer | null = null, options: MultiplayerAPIOptions = {}) {
    super();
    this.#drops = new DropLog(options.log);
    this.#caches = new PathCaches(options.maxPathCacheBytes ?? DEFAULT_MAX_PATH_CACHE_BYTES);
    this.#auto = options.autoPoll ?? false;
    this.#handlers = {
      peer_connected: (id) => {
        this.#connected.add(id);
        this.emit('network_peer_connected', id);
      },
      peer_disconnected: (id) => {
        this.#connected.delete(id);
        this.#caches.forget(id);
        this.emit('network_peer_disconnected', id);
      },
      peer_packet: () => this.#schedule(),
      connection_succeeded: () => this.emit('connected_to_server'),
      connection_failed: () => this.emit('connection_failed'),
      server_disconnected: () => this.emit('server_disconnected'),
    };
    this.networkPeer = peer;
  }

  /** The peer this API talks through (Godot's `network_peer`); setting it clears the caches. */
  get networkPeer(): MultiplayerPeer | null {
    return this.#peer;
  }

  /** Sets `networkPeer` (see the getter). */
  set networkPeer(peer: MultiplayerPeer | null) {
    this.#listen('off');
    this.clear();
    this.#peer = peer;
    // A peer that is connected already: know its peers now (their peer_connected signals are past).
    for (const id of peer?.getPeerIds?.() ?? []) this.#connected.add(id);
    this.#listen('on');
    if (peer !== null && this.#auto && 'autoPoll' in peer) peer.autoPoll = true;
  }

  /** Adds or removes our handlers of the peer's signals. */
  #listen(how: 'on' | 'off'): void {
    const peer = this.#peer as unknown as SignalEmitter | null;
    for (const name of Object.keys(this.#handlers) as PeerSignal[]) peer?.[how](name, this.#handlers[name]);
  }

  /** Whether packets are processed as soon as they arrive. */
  get autoPoll(): boolean {
    return this.#auto;
  }

  /** Sets `autoPoll` (see the getter). */
  set autoPoll(enabled: boolean) {
    this.#auto = enabled;
    if (this.#peer !== null && 'autoPoll' in this.#peer) this.#peer.autoPoll = enabled;
    if (enabled) this.#schedule();
  }

  #schedule(): void {
    if (this.#auto) this.#autoPoll.request();
  }

  /** Whether a peer is set. */
  hasNetworkPeer(): boolean {
    return this.#peer !== null;
  }

  /** Polls the peer and processes every packet (RPCs run from here). */
  poll(): void {
    const peer = this.#peer;
    if (peer === null || peer.getConnectionStatus() === ConnectionStatus.CONNECTION_DISCONNECTED) return;
    peer.poll();
    while (this.#peer === peer && peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      const packet = peer.getPacket();
      this.#sender = from;
      this.#processPacket(from, packet);
      this.#sender = 0;
    }
  }

  /** Our id (1 on the server), 0 without a peer. */
  getUniqueId(): number {
    return this.#peer?.getUniqueId() ?? 0;
  }

  /** Godot's `get_network_unique_id()`. */
  getNetworkUniqueId(): number {
    return this.getUniqueId();
  }

  /** Whether we are the server. */
  isServer(): boolean {
    return this.#peer?.isServer() ?? false;
  }

  /** Godot's `is_network_server()`. */
  isNetworkServer(): boolean {
    return this.isServer();
  }

  /** Ids of the peers we can call (the server and, on clients, the other clients). */
  getNetworkConnectedPeers(): number[] {
    return [...this.#connected];
  }

  /** Who made the RPC being run (our own id for local `*sync` calls; 0 outside an RPC). */
  getRpcSenderId(): number {
    return this.#sender;
  }

  /** Why the last `rpc`/`rset`/`sendBytes` that returned an error failed. */
  get lastErrorMessage(): string {
    return this.#error;
  }

  /** Server: refuse new peers. */
  get refuseNewNetworkConnections(): boolean {
    return this.#peer?.refuseNewConnections ?? false;
  }

  /** Sets `refuseNewNetworkConnections` (see the getter). */
  set refuseNewNetworkConnections(refuse: boolean) {
    if (this.#peer !== null) this.#peer.refuseNewConnections = refuse;
  }

  /**
   * Sends raw bytes to `id` (0 all, -N all but N); the receiver gets `network_peer_packet`.
   * `ERR_INVALID_DATA` when empty, `ERR_UNCONFIGURED` when not connected.
   */
  sendBytes(bytes: Uint8Array, id = 0, mode: TransferMode = TransferMode.RELIABLE): ErrorCode {
    if (bytes.byteLength < 1) return this.#fail(ErrorCode.ERR_INVALID_DATA, 'Trying to send an empty raw packet.');
    const peer = this.#connectedPeer();
    if (peer === null)
      return this.#fail(ErrorCode.ERR_UNCONFIGURED, 'Trying to send a raw packet while not connected.');
    peer.setTargetPeer(id);
    peer.transferMode = mode;
    return peer.putPacket(rawPacket(bytes));
  }

  /** Most bytes of node paths one remote peer may teach us (see `MultiplayerAPIOptions.maxPathCacheBytes`). */
  get maxPathCacheBytes(): number {
    return this.#caches.maxBytesPerSender;
  }

  /** Sets `maxPathCacheBytes` (see the getter); applies to what peers teach from now on. */
  set maxPathCacheBytes(bytes: number) {
    this.#caches.maxBytesPerSender = bytes;
  }

  /** Refusals by kind and the paths remote peers taught us (see {@link RpcStats}). */
  stats(): RpcStats {
    return {
      refused: this.#refusals.snapshot(),
      cachedPaths: this.#caches.learnedPaths,
      cachedPathBytes: this.#caches.learnedBytes,
    };
  }

  /** Forgets peers and path caches (Godot's `clear()`); registered nodes stay. */
  clear(): void {
    this.#connected.clear();
    this.#caches.clear();
  }

  /** Registers a node at `path` (relative to the root, e.g. `"Main/Panel/VBoxContainer/Game"`). */
  node<Methods extends MethodMap = Record<never, never>, Properties extends PropertyMap = Record<never, never>>(
    path: string,
    spec: NodeSpec<Methods, Properties> = {},
  ): RpcNode<Methods, Properties> {
    const node = new RpcNode<Methods, Properties>(this.#host, path, spec);
    this.#nodes.set(node.path, node as unknown as RpcNode);
    return node;
  }

  /** The node registered at `path`, or `undefined`. */
  getNode(path: string): RpcNode | undefined {
    return this.#nodes.get(nodePathKey(path));
  }

  /** Unregisters the node at `path`. */
  removeNode(path: string): void {
    this.#nodes.delete(nodePathKey(path));
  }

  /** What the nodes of this API call back (kept off the public members). */
  readonly #host: RpcHost = {
    rpcp: (node, to, unreliable, method, args) => this.#rpcp(node, to, unreliable, method, args),
    rsetp: (node, to, unreliable, property, value) => this.#rsetp(node, to, unreliable, property, value),
    ownId: () => this.getUniqueId(),
    setMasterUnder: (path, id) => {
      const prefix = `${path}/`;
      for (const node of this.#nodes.values()) if (node.path.startsWith(prefix)) node[SET_MASTER_ONLY](id);
    },
  };

  /** Godot 3.2's `rpcp`. */
  #rpcp(node: RpcNode, to: number, unreliable: boolean, method: string, args: readonly unknown[]): ErrorCode {
    const entry = node[METHOD_ENTRY](method);
    const types = entry?.spec.args;
    const values = types === undefined ? args : args.map((a, i) => coerceArg(a, types[i]));
    return this.#callOrSet(node, to, unreliable, false, method, values, entry?.mode, entry?.spec.handler);
  }

  /** Godot 3.2's `rsetp`. */
  #rsetp(node: RpcNode, to: number, unreliable: boolean, property: string, value: unknown): ErrorCode {
    const entry = node[PROPERTY_ENTRY](property);
    const sent = coerceArg(value, entry?.spec.type);
    return this.#callOrSet(node, to, unreliable, true, property, [sent], entry?.mode, value);
  }

  /**
   * Sends a call (`set` false) or a property set, and runs it here too when the mode says so:
   * `local` is what running it here needs, the method's handler or the property's new value
   * (no closure per call).
   */
  #callOrSet(
    node: RpcNode,
    to: number,
    unreliable: boolean,
    set: boolean,
    name: string,
    values: readonly unknown[],
    mode: RpcMode = RpcMode.DISABLED,
    local: unknown,
  ): ErrorCode {
    const peer = this.#connectedPeer();
    if (peer === null) return this.#fail(ErrorCode.ERR_UNCONFIGURED, `Trying to call "${name}" while not connected.`);
    const own = peer.getUniqueId();
    let skip = own === to;
    let here = false;
    if (to === 0 || to === own || (to < 0 && to !== -own)) {
      const decision = shouldCallLocal(mode, node.isNetworkMaster());
      here = decision.callLocal;
      skip ||= decision.skipRemote;
    }
    let err: ErrorCode = ErrorCode.OK;
    if (!skip) err = this.#send(peer, node, to, unreliable, set, name, values);
    if (here) {
      const previous = this.#sender;
      this.#sender = own;
      if (set) this.#assign(node, name, local);
      else this.#invoke(node, name, local as Handler | undefined, values, own);
      this.#sender = previous;
    }
    if (skip && !here)
      return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, `"${name}" on yourself is not allowed by its mode.`);
    return err;
  }

  /** Godot 3.2's `_send_rpc`: one packet when every target confirmed the path, else one per target. */
  #send(
    peer: MultiplayerPeer,
    node: RpcNode,
    to: number,
    unreliable: boolean,
    set: boolean,
    name: string,
    values: readonly unknown[],
  ): ErrorCode {
    if (values.length > 255) return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, 'Too many arguments (> 255).');
    if (to !== 0 && !this.#connected.has(Math.abs(to))) {
      return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, `Attempt to remote call unexisting ID: ${to}.`);
    }
    const sent = this.#caches.sentPath(node.path);
    let packet: CallPacket;
    try {
      packet = callPacket(set, sent.id, name, values, node.path);
    } catch (error) {
      return this.#fail(ErrorCode.ERR_INVALID_DATA, `Unable to encode "${name}": ${(error as Error).message}`);
    }
    const allConfirmed = this.#sendConfirmPath(peer, node.path, sent, to);
    peer.transferMode = unreliable ? TransferMode.UNRELIABLE : TransferMode.RELIABLE;
    const short = packet.bytes.subarray(0, packet.pathOffset);
    if (allConfirmed) {
      peer.setTargetPeer(to);
      return peer.putPacket(short);
    }
    let full: Uint8Array | null = null;
    for (const id of this.#targets(to)) {
      peer.setTargetPeer(id);
      if (sent.peers.get(id) === true) {
        peer.putPacket(short);
      } else {
        full ??= fullPathForm(packet);
        peer.putPacket(full);
      }
    }
    return ErrorCode.OK;
  }

  /** Godot 3.2's `_send_confirm_path`: SIMPLIFY_PATH to targets that never got the path. */
  #sendConfirmPath(peer: MultiplayerPeer, path: string, sent: SentPath, to: number): boolean {
    let all = true;
    let simplify: Uint8Array | null = null;
    for (const id of this.#targets(to)) {
      const state = sent.peers.get(id);
      if (state === true) continue;
      all = false;
      if (state === undefined) {
        simplify ??= simplifyPathPacket(sent.id, path);
        peer.setTargetPeer(id);
        peer.putPacket(simplify);
        sent.peers.set(id, false);
      }
    }
    return all;
  }

  *#targets(to: number): Iterable<number> {
    for (const id of this.#connected) {
      if (to < 0 && id === -to) continue;
      if (to > 0 && id !== to) continue;
      yield id;
    }
  }

  #processPacket(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength < 1) return this.#refuse(from, 'too-small', TOO_SMALL);
    switch (packet[0]) {
      case NetworkCommand.SIMPLIFY_PATH:
        return this.#processSimplifyPath(from, packet);
      case NetworkCommand.CONFIRM_PATH:
        return this.#processConfirmPath(from, packet);
      case NetworkCommand.REMOTE_CALL:
      case NetworkCommand.REMOTE_SET:
        return this.#processCall(from, packet);
      case NetworkCommand.RAW:
        if (packet.byteLength < 2)
          return this.#refuse(from, 'too-small', 'Invalid raw packet received. Size too small.');
        this.emit('network_peer_packet', from, packet.subarray(1));
        return;
    }
    this.#refuse(from, 'unknown-command', `Invalid packet received. Unknown command ${packet[0]}.`);
  }

  #processSimplifyPath(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength < 5)
      return this.#refuse(from, 'too-small', 'Invalid SIMPLIFY_PATH packet received. Size too small.');
    const path = readCString(packet, 5);
    if (path === null) return this.#refuse(from, 'bad-utf8', 'Invalid SIMPLIFY_PATH packet received. Bad UTF-8.');
    const key = nodePathKey(path.text);
    if (!this.#caches.learn(from, packetWord(packet), key)) {
      return this.#refuse(
        from,
        'path-cache-full',
        `SIMPLIFY_PATH refused: the peer's path cache is full (${this.#caches.maxBytesPerSender} bytes); path ${boundedText(key)}.`,
      );
    }
    const peer = this.#peer;
    if (peer === null) return;
    peer.transferMode = TransferMode.RELIABLE;
    peer.setTargetPeer(from);
    peer.putPacket(confirmPathPacket(path.text));
  }

  #processConfirmPath(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength < 2)
      return this.#refuse(from, 'too-small', 'Invalid CONFIRM_PATH packet received. Size too small.');
    const path = readCString(packet, 1);
    if (path === null || !this.#caches.confirm(nodePathKey(path.text), from)) {
      this.#refuse(
        from,
        'unknown-path',
        'Invalid packet received. Tries to confirm a path which was not found in cache.',
      );
    }
  }

  #processCall(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength < 6) return this.#refuse(from, 'too-small', TOO_SMALL);
    const node = this.#targetNode(from, packet);
    if (node === undefined) return;
    const name = readCString(packet, 5);
    if (name === null || name.end >= packet.byteLength) return this.#refuse(from, 'too-small', TOO_SMALL);
    if (packet[0] === NetworkCommand.REMOTE_CALL) return this.#processRpc(from, node, name.text, packet, name.end + 1);
    this.#processRset(from, node, name.text, packet, name.end + 1);
  }

  #targetNode(from: number, packet: Uint8Array): RpcNode | undefined {
    const target = packetWord(packet);
    let path: string | undefined;
    if (target & FULL_PATH_FLAG) {
      const offset = target & 0x7fffffff;
      const read = offset < packet.byteLength ? readCString(packet, offset) : null;
      if (read === null)
        return this.#refuse(from, 'bad-path-offset', 'Invalid packet received. Size smaller than declared.');
      path = nodePathKey(read.text);
    } else {
      path = this.#caches.lookup(from, target);
      if (path === undefined)
        return this.#refuse(
          from,
          'unknown-cached-path',
          'Invalid packet received. Unable to find requested cached node.',
        );
    }
    const node = this.#nodes.get(path);
    if (node === undefined)
      this.#refuse(
        from,
        'unknown-node',
        `Invalid packet received. Requested node was not found: ${boundedText(path)}.`,
      );
    return node;
  }

  #processRpc(from: number, node: RpcNode, name: string, packet: Uint8Array, offset: number): undefined {
    const entry = node[METHOD_ENTRY](name);
    if (!this.#allowed('RPC', from, node, name, entry?.mode)) return;
    const reader = new ByteReader(packet, offset + 1);
    const argc = packet[offset] as number;
    const args: Variant[] = [];
    for (let i = 0; i < argc; i++) {
      const value = readVariant(reader);
      if (value === DECODE_FAILED)
        return this.#refuse(from, 'bad-argument', 'Invalid packet received. Unable to decode RPC argument.');
      args.push(value);
    }
    const types = entry?.spec.args;
    const bad = types === undefined ? -1 : firstMismatch(args, types);
    if (bad !== -1) {
      const what = bad === -2 ? 'the wrong argument count' : `a wrong type for argument ${bad + 1}`;
      return this.#refuse(from, 'wrong-arguments', `RPC '${boundedText(name)}' called with ${what}.`);
    }
    this.#invoke(node, name, entry?.spec.handler, args, from);
  }

  #processRset(from: number, node: RpcNode, name: string, packet: Uint8Array, offset: number): undefined {
    const entry = node[PROPERTY_ENTRY](name);
    if (!this.#allowed('RSET', from, node, name, entry?.mode)) return;
    const value = readVariant(new ByteReader(packet, offset));
    if (value === DECODE_FAILED)
      return this.#refuse(from, 'bad-argument', 'Invalid packet received. Unable to decode RSET value.');
    const type = entry?.spec.type;
    if (type !== undefined && firstMismatch([value], [type]) !== -1)
      return this.#refuse(from, 'wrong-arguments', `RSET '${boundedText(name)}' with a wrong type.`);
    this.#assign(node, name, value);
  }

  /** Godot 3.2's mode check of an incoming call or set; refuses the packet when it fails. */
  #allowed(kind: string, from: number, node: RpcNode, name: string, mode: RpcMode = RpcMode.DISABLED): boolean {
    const master = node.getNetworkMaster();
    if (canCallMode(mode, node.isNetworkMaster(), from, master)) return true;
    this.#refuse(
      from,
      'not-allowed',
      `${kind} '${boundedText(name)}' is not allowed on node ${boundedText(node.path)} from: ${from}. Mode is ${rpcModeName(mode)} (${mode}), master is ${master}.`,
    );
    return false;
  }

  #invoke(node: RpcNode, name: string, handler: Handler | undefined, args: readonly unknown[], sender: number): void {
    if (handler === undefined) return;
    const previous = this.#sender;
    this.#sender = sender;
    try {
      (handler as (...a: unknown[]) => unknown).apply(node, args as unknown[]);
    } catch (error) {
      reportHandlerError(error, `RPC '${name}' on ${node.path}`);
    } finally {
      this.#sender = previous;
    }
  }

  #assign(node: RpcNode, name: string, value: unknown): void {
    const spec = node[PROPERTY_ENTRY](name)?.spec;
    if (spec === undefined) return;
    spec.value = value as Variant;
    try {
      spec.changed?.(value as Variant);
    } catch (error) {
      reportHandlerError(error, `changed() of '${name}' on ${node.path}`);
    }
  }

  #connectedPeer(): MultiplayerPeer | null {
    const peer = this.#peer;
    return peer !== null && peer.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED ? peer : null;
  }

  /** Counts a refused packet by `kind` and reports it (signal, or a log line per kind and second). */
  #refuse(from: number, kind: string, reason: string): undefined {
    this.#refusals.count(kind);
    if (this.listenerCount('rpc_refused') > 0) this.emit('rpc_refused', from, reason, kind);
    else this.#drops.note(from, kind, reason);
  }

  #fail(code: ErrorCode, message: string): ErrorCode {
    this.#error = message;
    return code;
  }
}
