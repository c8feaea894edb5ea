import {
  AutoPoll,
  boundedText,
  ConnectionStatus,
  ErrorCode,
  msg,
  reportHandlerError,
  SignalEmitter,
} from '@wspeer/core';
import { type MultiplayerPeer, RefusalLog, TransferMode } from '@wspeer/multiplayer';
import {
  ByteReader,
  DECODE_FAILED,
  godot3CoreCodec,
  readVariantWith,
  type Variant,
  type VariantCodec,
  type VariantError,
} from '@wspeer/variant';
import { coerceArg, firstMismatch, optIn } from './arg-type.js';
import { CALL_LOCAL, canCallMode, SKIP_REMOTE, shouldCallLocal } from './mode-rules.js';
import { FULL_PATH_FLAG, NetworkCommand } from './network-command.js';
import { MEMBER, NODES, SEND } from './node-keys.js';
import { nodePathKey } from './node-path-key.js';
import { DEFAULT_MAX_PATH_CACHE_BYTES, PathCaches } from './path-caches.js';
import { RpcMode, rpcModeName } from './rpc-mode.js';
import {
  type MemberEntry,
  type MethodMap,
  type MethodSpec,
  type NodeSpec,
  type PropertyMap,
  type PropertySpec,
  type RpcHost,
  RpcNode,
} from './rpc-node.js';
import {
  type CallPacket,
  callPacket,
  fullPathForm,
  packetWord,
  pathPacket,
  rawPacket,
  readCString,
} from './rpc-packets.js';

/** A member's spec as the API sees it: a method's or a property's fields. */
type Spec = Partial<MethodSpec & PropertySpec>;

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
  /**
   * The Variant types this API decodes and encodes (default `godot3CoreCodec`: nil, bool, int, float,
   * String, Array, Dictionary). Other types (math types, NodePath, RID, every pool) arrive as lossless
   * `VariantBytes` (re-encodable as they are), and sending one fails with `ERR_INVALID_DATA`; a
   * declared argument type the codec lacks throws at `node()`. Opt in with `godot3Codec` (every
   * Godot 3 type) or per type: `withTypes(godot3CoreCodec, godot3Vector2, godot3PoolByteArray)`, so a
   * build carries only the types it uses.
   */
  codec?: VariantCodec;
}

/** By command (REMOTE_CALL, REMOTE_SET, SIMPLIFY_PATH, CONFIRM_PATH, RAW): its smallest packet, and its name in refusals. */
const MIN_SIZE = [6, 6, 5, 2, 2];
const COMMAND_NAME = ['RPC', 'RPC', 'SIMPLIFY_PATH', 'CONFIRM_PATH', 'RAW'];

/**
 * Godot 3.2's high-level multiplayer over any {@link MultiplayerPeer}: nodes registered by path
 * call each other's methods (`rpc`) and set properties (`rset`) under Godot's mode rules, with
 * Godot 3.2's packet format, path cache and Variant encoding, so Godot 3 games and TypeScript peers
 * interoperate. Values travel through the `codec` option's types (see {@link MultiplayerAPIOptions.codec}).
 */
export class MultiplayerAPI extends SignalEmitter<MultiplayerAPIEvents> implements RpcHost {
  /**
   * Most bytes of node paths one remote peer may teach us (see `MultiplayerAPIOptions.maxPathCacheBytes`);
   * a change applies to what peers teach from then on.
   */
  declare maxPathCacheBytes: number;
  #peer: MultiplayerPeer | null = null;
  readonly #connected = new Set<number>();
  readonly #caches = new PathCaches();
  readonly #codec: VariantCodec;
  #sender = 0;
  readonly #refusals: RefusalLog;
  readonly #handlers: { [signal: string]: (id: number) => void };
  #error = '';
  #auto: boolean;
  readonly #autoPoll = new AutoPoll(() => this.poll(), 'MultiplayerAPI.poll');
  /** The registered nodes by path (for `RpcNode`; a symbol keeps it off the public members). */
  readonly [NODES] = new Map<string, RpcNode>();

  /** An API over `peer` (or none yet: set {@link MultiplayerAPI.networkPeer} later). */
  constructor(peer: MultiplayerPeer | null = null, options: MultiplayerAPIOptions = {}) {
    super();
    this.#refusals = new RefusalLog(options.log);
    this.maxPathCacheBytes = options.maxPathCacheBytes ?? DEFAULT_MAX_PATH_CACHE_BYTES;
    this.#auto = options.autoPoll ?? false;
    this.#codec = options.codec ?? godot3CoreCodec;
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
      // The peer's client signals, passed on under Godot 3's names.
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
    for (const name in this.#handlers) peer?.[how](name, this.#handlers[name] as (id: number) => void);
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
    if (bytes.byteLength < 1) return this.#fail(ErrorCode.ERR_INVALID_DATA, msg`Empty raw packet.`);
    const peer = this.#connectedPeer(msg`A raw packet`);
    if (peer === null) return ErrorCode.ERR_UNCONFIGURED;
    peer.setTargetPeer(id);
    peer.transferMode = mode;
    return peer.putPacket(rawPacket(bytes));
  }

  /** Refusals by kind and the paths remote peers taught us (see {@link RpcStats}). */
  stats(): RpcStats {
    return { refused: this.#refusals.counts(), ...this.#caches.learned() };
  }

  /** Forgets peers and path caches (Godot's `clear()`); registered nodes stay. */
  clear(): void {
    this.#connected.clear();
    this.#caches.clear();
  }

  /**
   * Registers a node at `path` (relative to the root, e.g. `"Main/Panel/VBoxContainer/Game"`). Throws
   * for an unknown mode name, and for a declared argument or property type the `codec` does not decode.
   */
  node<Methods extends MethodMap = Record<never, never>, Properties extends PropertyMap = Record<never, never>>(
    path: string,
    spec: NodeSpec<Methods, Properties> = {},
  ): RpcNode<Methods, Properties> {
    const node = new RpcNode<Methods, Properties>(this, path, spec, this.#codec);
    this[NODES].set(node.path, node as unknown as RpcNode);
    return node;
  }

  /** The node registered at `path`, or `undefined`. */
  getNode(path: string): RpcNode | undefined {
    return this[NODES].get(nodePathKey(path));
  }

  /** Unregisters the node at `path`. */
  removeNode(path: string): void {
    this[NODES].delete(nodePathKey(path));
  }

  /**
   * Godot 3.2's `rpcp` (`set` false; `values`: the arguments) and `rsetp` (`values`: [the value]) for
   * `node`'s `rpc*`/`rset*` methods: sends the call or set, and runs it here too when the mode says so.
   */
  [SEND](
    node: RpcNode,
    to: number,
    unreliable: boolean,
    set: boolean,
    name: string,
    values: readonly unknown[],
  ): ErrorCode {
    const peer = this.#connectedPeer(`"${name}"`);
    if (peer === null) return ErrorCode.ERR_UNCONFIGURED;
    const entry = node[MEMBER](set, name);
    const types = entry?.types;
    const sent = types === undefined ? values : values.map((a, i) => coerceArg(a, types[i]));
    const own = peer.getUniqueId();
    let local = 0;
    if (to === 0 || to === own || (to < 0 && to !== -own))
      local = shouldCallLocal(entry?.mode ?? RpcMode.DISABLED, node.isNetworkMaster());
    const skip = own === to || (local & SKIP_REMOTE) !== 0;
    const err = skip ? ErrorCode.OK : this.#send(peer, node, to, unreliable, set, name, sent);
    // A local set takes the value as given; a local call gets the arguments as sent.
    if (local & CALL_LOCAL) this.#run(node, set, name, entry, set ? values : sent, own);
    else if (skip)
      return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`"${name}" on yourself is not allowed by its mode.`);
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
    if (values.length > 255) return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`Too many arguments (> 255).`);
    if (to !== 0 && !this.#connected.has(Math.abs(to))) {
      return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`Attempt to remote call unexisting ID: ${to}.`);
    }
    const sent = this.#caches.sentPath(node.path);
    let packet: CallPacket;
    try {
      packet = callPacket(this.#codec, set, sent.id, name, values, node.path);
    } catch (error) {
      // An instance of a class the codec lacks: how to opt in, if any Godot 3 codec encodes it.
      const cls = (error as VariantError).className;
      const hint = cls === undefined ? '' : optIn(cls);
      const why = cls === undefined ? '' : hint ? msg`; opt in: ${hint}` : msg`; no Godot 3 codec encodes it`;
      return this.#fail(ErrorCode.ERR_INVALID_DATA, msg`"${name}": ${(error as Error).message}${why}.`);
    }
    const short = packet.bytes.subarray(0, packet.pathOffset);
    const mode = unreliable ? TransferMode.UNRELIABLE : TransferMode.RELIABLE;
    let allConfirmed = true;
    for (const id of this.#targets(to)) if (sent.peers.get(id) !== true) allConfirmed = false;
    if (allConfirmed) {
      peer.transferMode = mode;
      peer.setTargetPeer(to);
      return peer.putPacket(short);
    }
    // Godot 3.2's `_send_confirm_path` (SIMPLIFY_PATH, reliable, to targets that never got the path),
    // then the call by full path to those that have not confirmed it.
    let simplify: Uint8Array | null = null;
    let full: Uint8Array | null = null;
    for (const id of this.#targets(to)) {
      const state = sent.peers.get(id);
      peer.setTargetPeer(id);
      if (state === undefined) {
        simplify ??= pathPacket(sent.id, node.path);
        peer.transferMode = TransferMode.RELIABLE;
        peer.putPacket(simplify);
        sent.peers.set(id, false);
      }
      peer.transferMode = mode;
      if (state === true) {
        peer.putPacket(short);
      } else {
        full ??= fullPathForm(packet);
        peer.putPacket(full);
      }
    }
    return ErrorCode.OK;
  }

  *#targets(to: number): Iterable<number> {
    for (const id of this.#connected) {
      if (to < 0 ? id !== -to : to === 0 || id === to) yield id;
    }
  }

  #processPacket(from: number, packet: Uint8Array): undefined {
    const command = packet[0] ?? -1;
    if (command > NetworkCommand.RAW) return this.#refuse(from, 'unknown-command', msg`Unknown command ${command}.`);
    if (packet.byteLength < (MIN_SIZE[command] ?? 1))
      return this.#refuse(from, 'too-small', msg`${COMMAND_NAME[command] ?? 'Empty'} packet too small.`);
    if (command === NetworkCommand.SIMPLIFY_PATH) return this.#processSimplifyPath(from, packet);
    if (command === NetworkCommand.CONFIRM_PATH) return this.#processConfirmPath(from, packet);
    if (command === NetworkCommand.RAW) this.emit('network_peer_packet', from, packet.subarray(1));
    else this.#processCall(from, packet);
  }

  #processSimplifyPath(from: number, packet: Uint8Array): undefined {
    const path = readCString(packet, 5);
    if (path === null) return this.#refuse(from, 'bad-utf8', msg`SIMPLIFY_PATH: bad UTF-8.`);
    const key = nodePathKey(path.text);
    if (!this.#caches.learn(from, packetWord(packet), key, this.maxPathCacheBytes)) {
      return this.#refuse(
        from,
        'path-cache-full',
        msg`Path cache full (${this.maxPathCacheBytes} bytes): ${boundedText(key)}.`,
      );
    }
    const peer = this.#peer;
    if (peer === null) return;
    peer.transferMode = TransferMode.RELIABLE;
    peer.setTargetPeer(from);
    peer.putPacket(pathPacket(null, path.text));
  }

  #processConfirmPath(from: number, packet: Uint8Array): undefined {
    const path = readCString(packet, 1);
    if (path === null || !this.#caches.confirm(nodePathKey(path.text), from))
      this.#refuse(from, 'unknown-path', msg`CONFIRM_PATH of a path never sent.`);
  }

  /** A REMOTE_CALL (`[0][target][name\0][argc][args...]`) or REMOTE_SET (`[1][target][name\0][value]`). */
  #processCall(from: number, packet: Uint8Array): undefined {
    const node = this.#targetNode(from, packet);
    if (node === undefined) return;
    const read = readCString(packet, 5);
    if (read === null || read.end >= packet.byteLength)
      return this.#refuse(from, 'too-small', msg`RPC packet too small.`);
    const name = read.text;
    const set = packet[0] === NetworkCommand.REMOTE_SET;
    const kind = set ? 'RSET' : 'RPC';
    const entry = node[MEMBER](set, name);
    const mode = entry?.mode ?? RpcMode.DISABLED;
    const master = node.getNetworkMaster();
    if (!canCallMode(mode, node.isNetworkMaster(), from, master)) {
      return this.#refuse(
        from,
        'not-allowed',
        msg`${kind} '${boundedText(name)}' is not allowed on node ${boundedText(node.path)} from: ${from}. Mode is ${rpcModeName(mode)} (${mode}), master is ${master}.`,
      );
    }
    const reader = new ByteReader(packet, set ? read.end + 1 : read.end + 2);
    const argc = set ? 1 : (packet[read.end + 1] as number);
    const args: Variant[] = [];
    for (let i = 0; i < argc; i++) {
      const value = readVariantWith(this.#codec, reader);
      if (value === DECODE_FAILED)
        return this.#refuse(from, 'bad-argument', msg`${kind} '${boundedText(name)}': undecodable argument.`);
      args.push(value as Variant);
    }
    const types = entry?.types;
    const bad = types === undefined ? -1 : firstMismatch(args, types, this.#codec);
    if (bad !== -1) {
      const what = bad === -2 ? msg`the wrong argument count` : msg`a wrong type for argument ${bad + 1}`;
      return this.#refuse(from, 'wrong-arguments', msg`${kind} '${boundedText(name)}' called with ${what}.`);
    }
    this.#run(node, set, name, entry, args, from);
  }

  #targetNode(from: number, packet: Uint8Array): RpcNode | undefined {
    const target = packetWord(packet);
    let path: string | undefined;
    if (target & FULL_PATH_FLAG) {
      const offset = target & 0x7fffffff;
      const read = offset < packet.byteLength ? readCString(packet, offset) : null;
      if (read === null) return this.#refuse(from, 'bad-path-offset', msg`Path offset ${offset} out of the packet.`);
      path = nodePathKey(read.text);
    } else {
      path = this.#caches.lookup(from, target);
      if (path === undefined) return this.#refuse(from, 'unknown-cached-path', msg`Unknown path cache id ${target}.`);
    }
    const node = this[NODES].get(path);
    if (node === undefined) this.#refuse(from, 'unknown-node', msg`No node ${boundedText(path)}.`);
    return node;
  }

  /**
   * Runs a call (the handler with `values`) or a set (`values[0]` becomes the value, then `changed`)
   * as `sender`; a handler that throws is reported (`reportHandlerError`).
   */
  #run(
    node: RpcNode,
    set: boolean,
    name: string,
    entry: MemberEntry<Spec> | undefined,
    values: readonly unknown[],
    sender: number,
  ): void {
    const spec = entry?.spec;
    if (spec === undefined) return;
    const previous = this.#sender;
    this.#sender = sender;
    try {
      if (set) {
        const value = values[0] as Variant;
        spec.value = value;
        spec.changed?.(value);
      } else {
        spec.handler?.apply(node, values as unknown[]);
      }
    } catch (error) {
      reportHandlerError(error, `${set ? 'changed() of' : 'RPC'} '${name}' on ${node.path}`);
    } finally {
      this.#sender = previous;
    }
  }

  /** The peer when connected; else `null`, with `lastErrorMessage` saying `what` was not sent. */
  #connectedPeer(what: string): MultiplayerPeer | null {
    const peer = this.#peer;
    if (peer !== null && peer.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED) return peer;
    this.#error = msg`${what} not sent: not connected.`;
    return null;
  }

  /** Counts a refused packet by `kind` and reports it (signal, or a log line per kind and second). */
  #refuse(from: number, kind: string, reason: string): undefined {
    const listened = this.listenerCount('rpc_refused') > 0;
    this.#refusals.note(from, kind, reason, listened);
    if (listened) this.emit('rpc_refused', from, reason, kind);
  }

  #fail(code: ErrorCode, message: string): ErrorCode {
    this.#error = message;
    return code;
  }
}
