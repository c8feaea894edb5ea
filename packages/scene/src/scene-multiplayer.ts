import {
  AutoPoll,
  ConnectionStatus,
  ErrorCode,
  encodeUtf8,
  msg,
  reportHandlerError,
  SignalEmitter,
} from '@wspeer/core';
import { type MultiplayerPeer, RefusalLog, TARGET_PEER_SERVER, TransferMode } from '@wspeer/multiplayer';
import { ByteReader, DEFAULT_MAX_DEPTH, godot4CoreCodec, type VariantCodec, VariantError } from '@wspeer/variant';
import { codecHint } from './codec-hint.js';
import { readCompressedArgs } from './compressed-variant.js';
import { isLocalPeer } from './is-local-peer.js';
import { quote } from './quote.js';
import { type MethodConfig, RPC_MODE_NAMES, type SceneMethodMap } from './rpc-config.js';
import { RpcMode } from './rpc-mode.js';
import { encodeRpc, INLINE_PATH_FLAG, readRpcHeader, withInlinePath } from './rpc-packet.js';
import { checkSceneArgType, coerceSceneArg, firstSceneArgMismatch } from './scene-arg-type.js';
import type { SceneAuthHost, SceneAuthSessions } from './scene-auth.js';
import { CMD_MASK, SceneCommand, SYS_CMD_SIZE, SysCommand } from './scene-command.js';
import type {
  AuthCallback,
  SceneMultiplayerEvents,
  SceneMultiplayerOptions,
  SceneStats,
} from './scene-multiplayer-options.js';
import { SceneNode, type SceneNodeHost, type SceneNodeSpec } from './scene-node.js';
import {
  confirmPathPacket,
  rawPacket,
  readCString,
  readI32,
  readU32,
  relayPacket,
  simplifyPathPacket,
} from './scene-packets.js';
import { ScenePathCache } from './scene-path-cache.js';
import { scenePathKey } from './scene-path-key.js';
import type { ReplicatedPath, SceneReplicationLink, SceneReplicator } from './scene-replicator.js';
import type { SceneServer } from './scene-server.js';

/** The longest node path (UTF-8 bytes) a peer may send in SIMPLIFY_PATH or an inline call. */
const MAX_PATH_BYTES = 4096;

/** Why a call that needs a connected peer failed. */
const NOT_CONNECTED = msg`Not connected.`;

/** The peer signals the scene layer listens to. */
type PeerSignal = 'peer_connected' | 'peer_disconnected' | 'peer_packet' | 'connection_failed' | 'server_disconnected';

/**
 * Godot 4's `SceneMultiplayer` over any {@link MultiplayerPeer} with the `godot4` wire: `@rpc` calls by
 * node path with method ids and compressed arguments, the path cache with its checksum, `send_bytes`,
 * authentication (`authCallback`, `sendAuth`, `completeAuth`) and the server relay that lets clients
 * see and call each other (ADD_PEER / DEL_PEER / RELAY). A Node server or a browser client that
 * unmodified Godot 4 games talk to with their own `@rpc` functions.
 */
export class SceneMultiplayer extends SignalEmitter<SceneMultiplayerEvents> {
  /** The root node paths are relative to. */
  rootPath: string;
  /** Seconds a peer may take to authenticate (0 = no limit). */
  authTimeout: number;
  /** Whether the server relays and announces peers (clients: whether to send through the server's relay). */
  serverRelay: boolean;
  /** Most nested containers in a received argument. */
  maxDepth: number;
  /** The Variant codec of arguments and replicated values (the `codec` option; fixed at construction). */
  readonly codec: VariantCodec;
  #peer: MultiplayerPeer | null = null;
  readonly #connected = new Set<number>();
  /** Authentication (the `auth` option), or `null`: then no `authCallback` can be set. */
  readonly #auth: SceneAuthSessions | null;
  #authCallback: AuthCallback | null = null;
  readonly #paths: ScenePathCache;
  readonly #nodes = new Map<string, SceneNode>();
  readonly #refusals: RefusalLog;
  readonly #handlers: Record<PeerSignal, (id: number) => void>;
  readonly #autoPoll = new AutoPoll(() => this.poll(), 'SceneMultiplayer.poll');
  readonly #server: SceneServer | null;
  #auto: boolean;
  #sender = 0;
  #error = '';
  #replicator: SceneReplicator | null = null;
  /**
   * What this layer's nodes, authentication and replication call back into: one object of private
   * capabilities (not public members: no internals in the API).
   */
  readonly #host: SceneNodeHost & SceneAuthHost & Omit<SceneReplicationLink, 'sendObjectCache'>;

  /** A SceneMultiplayer over `peer` (or none yet: set {@link SceneMultiplayer.multiplayerPeer} later). */
  constructor(peer: MultiplayerPeer | null = null, options: SceneMultiplayerOptions = {}) {
    super();
    this.rootPath = options.rootPath ?? '/root';
    this.#paths = new ScenePathCache(options.maxPathCacheEntries ?? 1024);
    this.#refusals = new RefusalLog(options.log);
    this.#host = {
      callRpc: (node, to, method, args) => this.#callRpc(node, to, method, args),
      ownId: () => this.getUniqueId(),
      setAuthorityUnder: (path, id) => this.#setAuthorityUnder(path, id),
      admit: (id) => this.#admit(id),
      fail: (code, message) => this.#fail(code, message),
      refuse: (from, kind, reason) => this.#refuse(from, kind, reason),
      paths: this.#paths,
      refusals: this.#refusals,
      send: (to, packet, reliable) => {
        const peer = this.#connectedPeer();
        if (peer === null) return ErrorCode.ERR_UNCONFIGURED;
        return this.#sendCommand(peer, to, packet, reliable ? TransferMode.RELIABLE : TransferMode.UNRELIABLE);
      },
    };
    this.#auth = options.auth?.(this, this.#host) ?? null;
    this.authCallback = options.authCallback ?? null;
    this.authTimeout = options.authTimeout ?? 3;
    this.serverRelay = options.serverRelay ?? true;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.codec = options.codec ?? godot4CoreCodec;
    this.#server = options.server ?? null;
    this.#auto = options.autoPoll ?? false;
    this.#handlers = {
      peer_connected: (id) => this.#addPeer(id),
      peer_disconnected: (id) => this.#delPeer(id, false),
      peer_packet: () => {
        if (this.#auto) this.#autoPoll.request();
      },
      // The transport lost the server (or never reached it): Godot's `_update_status`.
      connection_failed: () => {
        this.clear();
        this.emit('connection_failed');
      },
      server_disconnected: () => {
        this.clear();
        this.emit('server_disconnected');
      },
    };
    this.multiplayerPeer = peer;
  }

  /** The peer this layer talks through (Godot's `multiplayer_peer`); setting it clears every cache. */
  get multiplayerPeer(): MultiplayerPeer | null {
    return this.#peer;
  }

  /** Sets `multiplayerPeer` (see the getter). */
  set multiplayerPeer(peer: MultiplayerPeer | null) {
    if (peer === this.#peer) return;
    this.#listen('off');
    this.clear();
    this.#peer = peer;
    this.#listen('on');
    if (peer === null) return;
    this.#serverSide(peer);
    if (this.#auto && 'autoPoll' in peer) peer.autoPoll = true;
    // A client that is already connected: the server is its first peer.
    if (!peer.isServer() && peer.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED) {
      this.#addPeer(TARGET_PEER_SERVER);
    }
  }

  /**
   * Receives authentication data; setting it turns authentication on for new peers. Throws when set
   * without the `auth` option (`{ auth: sceneAuth }`).
   */
  get authCallback(): AuthCallback | null {
    return this.#authCallback;
  }

  /** Sets `authCallback` (see the getter). */
  set authCallback(callback: AuthCallback | null) {
    if (callback !== null && this.#auth === null) {
      throw new Error(msg`SceneMultiplayer: an authCallback needs { auth: sceneAuth } (wspeer/scene)`);
    }
    this.#authCallback = callback;
  }

  /** Whether packets are processed as soon as they arrive. */
  get autoPoll(): boolean {
    return this.#auto;
  }

  /** Sets `autoPoll` (see the getter). */
  set autoPoll(enabled: boolean) {
    this.#auto = enabled;
    if (this.#peer !== null && 'autoPoll' in this.#peer) this.#peer.autoPoll = enabled;
    if (enabled) this.#autoPoll.request();
  }

  /** Server: refuse new peers (Godot's `refuse_new_connections`). */
  get refuseNewConnections(): boolean {
    return this.#peer?.refuseNewConnections ?? false;
  }

  /** Sets `refuseNewConnections` (see the getter). */
  set refuseNewConnections(refuse: boolean) {
    if (this.#peer !== null) this.#peer.refuseNewConnections = refuse;
  }

  /** Object decoding is never allowed (objects from a remote peer are refused), as Godot's default. */
  get allowObjectDecoding(): false {
    return false;
  }

  /** Why the last call that returned an error failed. */
  get lastErrorMessage(): string {
    return this.#error;
  }

  /** Polls the peer and processes every packet (RPCs and signals run from here). */
  poll(): void {
    const peer = this.#peer;
    if (peer === null || peer.getConnectionStatus() === ConnectionStatus.CONNECTION_DISCONNECTED) return;
    peer.poll();
    while (this.#peer === peer && peer.getAvailablePacketCount() > 0) {
      const from = peer.getPacketPeer();
      const mode = peer.getPacketMode();
      const channel = peer.getPacketChannel();
      this.#receive(from, peer.getPacket(), mode, channel);
    }
    this.#auth?.expire();
  }

  /** Our id (1 on the server), 0 without a peer. */
  getUniqueId(): number {
    return this.#peer?.getUniqueId() ?? 0;
  }

  /** Whether we are the server. */
  isServer(): boolean {
    return this.#peer?.isServer() ?? false;
  }

  /** Who made the RPC being run (our id for a local `call_local` run), 0 outside an RPC. */
  getRemoteSenderId(): number {
    return this.#sender;
  }

  /** The admitted peers (on clients: 1 and the other clients the server announced). */
  getPeers(): number[] {
    return [...this.#connected];
  }

  /** The peers in the authentication exchange. */
  getAuthenticatingPeers(): number[] {
    return [...(this.#auth?.keys() ?? [])];
  }

  /** Counters for operators: peers, authenticating peers, refusals by kind. */
  stats(): SceneStats {
    return { peers: this.#connected.size, authenticating: this.#auth?.size ?? 0, refusals: this.#refusals.counts() };
  }

  /**
   * Registers a node at `path` (relative to `rootPath`, e.g. `"Main"`, or absolute, `"/root/Main"`).
   * Throws when a method declares an argument type the `codec` does not decode.
   */
  node<Methods extends SceneMethodMap = Record<never, never>>(
    path: string,
    spec: SceneNodeSpec<Methods> = {},
  ): SceneNode<Methods> {
    const node = new SceneNode<Methods>(this.#host, scenePathKey(path, this.rootPath), spec);
    for (const { name, spec } of node.config.byId) {
      for (const type of spec.args ?? []) checkSceneArgType(type, this.codec, msg`RPC '${name}' on ${node.path}`);
    }
    this.#nodes.set(node.path, node as unknown as SceneNode);
    return node;
  }

  /** The node registered at `path`, or `undefined`. */
  getNode(path: string): SceneNode | undefined {
    return this.#nodes.get(scenePathKey(path, this.rootPath));
  }

  /** Unregisters the node at `path`. */
  removeNode(path: string): void {
    this.#nodes.delete(scenePathKey(path, this.rootPath));
  }

  /**
   * Sends raw bytes to `id` (0 all, -N all but N); the receiver gets `peer_packet`. `ERR_INVALID_DATA`
   * when empty, `ERR_UNCONFIGURED` when not connected.
   */
  sendBytes(bytes: Uint8Array, id = 0, mode: TransferMode = TransferMode.RELIABLE, channel = 0): ErrorCode {
    if (bytes.byteLength === 0) return this.#fail(ErrorCode.ERR_INVALID_DATA, msg`Empty raw packet.`);
    const peer = this.#connectedPeer();
    if (peer === null) return this.#fail(ErrorCode.ERR_UNCONFIGURED, NOT_CONNECTED);
    return this.#sendCommand(peer, id, rawPacket(bytes), mode, channel);
  }

  /**
   * Sends authentication data to an authenticating peer (its `authCallback` receives it).
   * `ERR_INVALID_PARAMETER` for a peer not authenticating or empty data, `ERR_FILE_CANT_WRITE`
   * once either side completed.
   */
  sendAuth(id: number, data: Uint8Array): ErrorCode {
    return this.#sendAuth(id, data);
  }

  /** Ends our side of `id`'s authentication; it is admitted once it ended its side too. */
  completeAuth(id: number): ErrorCode {
    return this.#sendAuth(id, null);
  }

  /** `sendAuth` (`data`) or `completeAuth` (`null`). */
  #sendAuth(id: number, data: Uint8Array | null): ErrorCode {
    const peer = this.#connectedPeer();
    if (peer === null) return this.#fail(ErrorCode.ERR_UNCONFIGURED, NOT_CONNECTED);
    return (
      this.#auth?.send(peer, id, data) ??
      this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`Peer ${id} is not authenticating.`)
    );
  }

  /** Disconnects `id` without a local `peer_disconnected` (others hear it left), as Godot's. */
  disconnectPeer(id: number): void {
    const peer = this.#connectedPeer();
    if (peer === null) return;
    this.#delPeer(id, true);
    peer.disconnectPeer(id);
  }

  /** Forgets peers, authentications and path caches (Godot's `clear()`); registered nodes stay. */
  clear(): void {
    this.#connected.clear();
    this.#auth?.clear();
    this.#paths.clear();
    this.#replicator?.onReset();
  }

  /**
   * Plugs a replication layer in (`SceneReplicationInterface` does it when made); returns what it may
   * do through this layer. Throws if one is plugged in already.
   */
  attachReplicator(replicator: SceneReplicator): Omit<SceneReplicationLink, 'sendObjectCache'> {
    if (this.#replicator !== null && this.#replicator !== replicator) {
      throw new Error(msg`this SceneMultiplayer already has a replication interface`);
    }
    this.#replicator = replicator;
    return this.#host;
  }

  /** Calls an RPC (what `SceneNode.rpc` / `rpcId` do), as Godot's `rpcp`. */
  #callRpc(node: SceneNode, to: number, method: string, args: readonly unknown[]): ErrorCode {
    const peer = this.#connectedPeer();
    if (peer === null) return this.#fail(ErrorCode.ERR_CONNECTION_ERROR, NOT_CONNECTED);
    const config = node.config.byName.get(method);
    if (config === undefined)
      return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`No RPC '${method}' on ${node.path}.`);
    const caller = peer.getUniqueId();
    if (to === caller && !config.callLocal) {
      return this.#fail(
        ErrorCode.ERR_INVALID_PARAMETER,
        msg`RPC '${method}' on ${node.path} to ourselves needs callLocal.`,
      );
    }
    const types = config.spec.args;
    const values = types === undefined ? args : args.map((a, i) => coerceSceneArg(a, types[i]));
    let err: ErrorCode = ErrorCode.OK;
    if (to !== caller) err = this.#sendRpc(peer, node, to, config, values);
    if (config.callLocal && (to === 0 || to === caller || (to < 0 && to !== -caller))) {
      this.#invoke(node, config, args, caller);
    }
    return err;
  }

  #setAuthorityUnder(path: string, id: number): void {
    const prefix = path === '' ? '' : `${path}/`;
    for (const node of this.#nodes.values())
      if (node.path.startsWith(prefix) && node.path !== path) node.setAuthorityOnly(id);
  }

  // --- sending -------------------------------------------------------------------------------------

  /** Godot 4's `_send_rpc`: SIMPLIFY_PATH to targets that lack the path, then the call. */
  #sendRpc(
    peer: MultiplayerPeer,
    node: SceneNode,
    to: number,
    config: MethodConfig,
    values: readonly unknown[],
  ): ErrorCode {
    if (values.length > 255) return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`More than 255 arguments.`);
    if (to !== 0 && !this.#connected.has(Math.abs(to))) return this.#notConnected(to);
    const replicator = this.#replicator;
    // As Godot: an RPC on a replicated node reaches only the peers that can see it. Peer ids are
    // positive: `-to` is never one for a broadcast to all (0).
    const targets = (to > 0 ? [to] : [...this.#connected]).filter(
      (p) => p !== -to && (replicator?.isRpcVisible(node.path, p) ?? true),
    );
    if (targets.length === 0) {
      return to > 0
        ? this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`Peer ${to} cannot see ${node.path}.`)
        : ErrorCode.OK;
    }
    const allConfirmed = this.#sendPathCache(peer, node.path, node.config.md5, targets);
    const id = this.#paths.sent(node.path).id;
    let packet: Uint8Array;
    try {
      packet = encodeRpc(id, allConfirmed, config.id, values, this.codec);
    } catch (error) {
      if (!(error instanceof VariantError)) throw error;
      return this.#fail(
        ErrorCode.ERR_INVALID_DATA,
        msg`Unable to encode the arguments of RPC '${config.name}' on ${node.path}: ${error.message}${codecHint(values, this.codec)}`,
      );
    }
    let full: Uint8Array | null = null;
    for (const target of targets) {
      const inline = !allConfirmed && !this.#paths.isConfirmed(node.path, target);
      if (inline) full ??= withInlinePath(packet, encodeUtf8(node.path));
      this.#sendCommand(peer, target, inline ? (full as Uint8Array) : packet, config.transferMode, config.channel);
    }
    return ErrorCode.OK;
  }

  /** Sends SIMPLIFY_PATH to the targets never told `path`; whether every target confirmed it. */
  #sendPathCache(peer: MultiplayerPeer, path: string, md5: string, targets: readonly number[]): boolean {
    const sent = this.#paths.sent(path);
    let all = true;
    let simplify: Uint8Array | null = null;
    for (const target of targets) {
      const state = sent.peers.get(target);
      if (state === true) continue;
      all = false;
      if (state === false) continue;
      simplify ??= simplifyPathPacket(md5, sent.id, path);
      this.#sendCommand(peer, target, simplify);
      sent.peers.set(target, false);
    }
    return all;
  }

  /**
   * Godot 4's `send_command`: through the server's relay from a client, else to `to` (0 all, -N all
   * but N), in transfer mode `mode` on `channel` (default reliable, 0).
   */
  #sendCommand(
    peer: MultiplayerPeer,
    to: number,
    packet: Uint8Array,
    mode: TransferMode = TransferMode.RELIABLE,
    channel = 0,
  ): ErrorCode {
    peer.transferChannel = channel;
    peer.transferMode = mode;
    if (this.serverRelay && peer.getUniqueId() !== 1 && to !== 1 && peer.isServerRelaySupported()) {
      return this.#sendDirect(peer, 1, relayPacket(to, packet));
    }
    if (to > 0) {
      if (!this.#connected.has(to)) return this.#notConnected(to);
      return this.#sendDirect(peer, to, packet);
    }
    for (const id of this.#connected) if (to === 0 || id !== -to) this.#sendDirect(peer, id, packet);
    return ErrorCode.OK;
  }

  /** One packet to one peer through the transport (no relay). The packet must not change afterwards. */
  #sendDirect(peer: MultiplayerPeer, to: number, packet: Uint8Array): ErrorCode {
    peer.setTargetPeer(to);
    return peer.putPacket(packet);
  }

  // --- peers and authentication ----------------------------------------------------------------------

  #addPeer(id: number): void {
    const peer = this.#peer as MultiplayerPeer;
    this.#serverSide(peer);
    // A peer of another server in a cluster room was authenticated by its own server.
    // An authCallback is set only with authentication (its setter checks).
    if (this.#authCallback === null || !isLocalPeer(peer, id)) this.#admit(id);
    else this.#auth?.start(id);
  }

  /** Godot 4's `_admit_peer`: the server tells the newcomer and everyone else about each other. */
  #admit(id: number): void {
    const peer = this.#peer;
    if (peer === null || this.#connected.has(id)) return;
    this.#serverSide(peer)?.announce(peer, this.#connected, id, true);
    this.#connected.add(id);
    this.#replicator?.onPeerChange(id, true);
    if (id === TARGET_PEER_SERVER) this.emit('connected_to_server');
    this.emit('peer_connected', id);
  }

  /** Godot 4's `_del_peer`: a pending peer failed authentication; an admitted one is announced gone. */
  #delPeer(id: number, silent: boolean): void {
    if (this.#auth?.drop(id, silent)) return;
    if (!this.#connected.has(id)) return;
    const peer = this.#peer;
    if (peer !== null) this.#serverSide(peer)?.announce(peer, this.#connected, id, false);
    this.#paths.forget(id);
    this.#connected.delete(id);
    this.#replicator?.onPeerChange(id, false);
    if (!silent) this.emit('peer_disconnected', id);
  }

  // --- receiving -------------------------------------------------------------------------------------

  #receive(from: number, packet: Uint8Array, mode: TransferMode, channel: number): undefined {
    if (this.#auth?.has(from)) return this.#auth.receive(from, packet) as undefined;
    if (!this.#connected.has(from))
      return this.#refuse(from, 'unknown-peer', msg`Packet from peer ${from}, which is not admitted.`);
    if (((packet[0] as number) & CMD_MASK) !== SceneCommand.SYS) return this.#process(from, packet);
    const command = packet[1];
    // The peer's completion notice after we admitted it: nothing to do.
    if (command === SysCommand.AUTH && packet.byteLength !== 2)
      return this.#refuse(from, 'auth', msg`Authentication data from an admitted peer.`);
    if (command === SysCommand.AUTH) return;
    if (packet.byteLength < SYS_CMD_SIZE) return this.#refuse(from, 'malformed', msg`SYS packet too small.`);
    const id = readI32(packet, 2);
    const peer = this.#peer as MultiplayerPeer;
    const announced = this.serverRelay && !peer.isServer() && from === TARGET_PEER_SERVER;
    if (command === SysCommand.ADD_PEER || command === SysCommand.DEL_PEER) {
      if (!announced)
        return this.#refuse(from, 'sys', msg`Peer announcement from peer ${from}, which is not our server.`);
      if (command === SysCommand.ADD_PEER) this.#admit(id);
      else this.#delPeer(id, false);
      return;
    }
    if (command !== SysCommand.RELAY) return this.#refuse(from, 'sys', msg`Unknown SYS command ${command}.`);
    if (!this.serverRelay) return this.#refuse(from, 'relay', msg`Relay packet, but serverRelay is off.`);
    if (packet.byteLength < SYS_CMD_SIZE + 1) return this.#refuse(from, 'malformed', msg`Empty relay packet.`);
    const inner = packet.subarray(SYS_CMD_SIZE);
    if (!peer.isServer()) {
      if (from !== TARGET_PEER_SERVER)
        return this.#refuse(from, 'relay', msg`Relay from peer ${from}, which is not our server.`);
      return this.#process(id, inner);
    }
    const here = this.#serverSide(peer)?.relay(peer, this.#connected, from, id, inner, mode, channel);
    if (typeof here === 'string') return this.#refuse(from, 'relay', here);
    if (here) this.#process(from, inner);
  }

  /**
   * The server side when `peer` is a server with `serverRelay` on (else `null`); throws when it was not
   * given (a misconfiguration: peers would never hear of each other).
   */
  #serverSide(peer: MultiplayerPeer): SceneServer | null {
    if (!this.serverRelay || !peer.isServer() || !peer.isServerRelaySupported()) return null;
    if (this.#server === null) {
      throw new Error(
        msg`SceneMultiplayer: a relaying server needs { server: sceneServer } (wspeer/scene) or serverRelay: false`,
      );
    }
    return this.#server;
  }

  /** Godot 4's `_process_packet`, with `from` as the remote sender. */
  #process(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength === 0) return this.#refuse(from, 'malformed', msg`Packet too small.`);
    const previous = this.#sender;
    this.#sender = from;
    try {
      switch ((packet[0] as number) & CMD_MASK) {
        case SceneCommand.SIMPLIFY_PATH:
          return this.#receiveSimplifyPath(from, packet);
        case SceneCommand.CONFIRM_PATH:
          return this.#receiveConfirmPath(from, packet);
        case SceneCommand.REMOTE_CALL:
          return this.#receiveRpc(from, packet);
        case SceneCommand.RAW:
          if (packet.byteLength < 2) return this.#refuse(from, 'malformed', msg`RAW packet too small.`);
          this.emit('peer_packet', from, packet.subarray(1));
          return;
        case SceneCommand.SYS:
          return this.#refuse(from, 'malformed', msg`Invalid network command from ${from}.`);
        default:
          // SPAWN, DESPAWN or SYNC (the rest of the 3-bit command).
          if (this.#replicator === null)
            return this.#refuse(from, 'replication', msg`Replication packet, but no replication here.`);
          this.#replicator.onPacket(from, packet);
      }
    } finally {
      this.#sender = previous;
    }
  }

  #receiveSimplifyPath(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength < 38) return this.#refuse(from, 'path', msg`SIMPLIFY_PATH packet too small.`);
    if (packet.byteLength - 38 > MAX_PATH_BYTES)
      return this.#refuse(from, 'path', msg`Node path longer than ${MAX_PATH_BYTES} bytes.`);
    const md5 = String.fromCharCode(...packet.subarray(1, 33));
    const id = readU32(packet, 34);
    const text = readCString(packet, 38);
    if (text === null) return this.#refuse(from, 'path', msg`SIMPLIFY_PATH path not UTF-8.`);
    const path = scenePathKey(text, this.rootPath);
    // A registered node, or a spawner or synchronizer (its own path and an RPC configuration without methods).
    const node = this.#nodes.get(path) ?? this.#replicator?.replicatedPath(path);
    if (node === undefined) return this.#refuse(from, 'path', msg`SIMPLIFY_PATH for unknown node ${quote(path)}.`);
    const checksumOk = node.config.md5 === md5;
    // Our own path, not `path`: a key cut from the remote text can be a view on all of it.
    const learned = this.#paths.learn(from, id, { path: node.path, checksumOk });
    if (learned === 'duplicate')
      return this.#refuse(from, 'path', msg`Duplicate remote cache ID ${id} for peer ${from}.`);
    if (learned === 'full') {
      return this.#refuse(
        from,
        'path',
        msg`Peer ${from} has ${this.#paths.maxPerPeer} cached paths already (maxPathCacheEntries).`,
      );
    }
    if (!checksumOk) this.#refuseChecksum(from, path, node);
    const peer = this.#peer as MultiplayerPeer;
    this.#sendCommand(peer, from, confirmPathPacket(checksumOk, id));
  }

  #receiveConfirmPath(from: number, packet: Uint8Array): undefined {
    if (packet.byteLength !== 6) return this.#refuse(from, 'path', msg`CONFIRM_PATH packet not 6 bytes.`);
    const id = readU32(packet, 2);
    const path = this.#paths.confirm(from, id);
    if (path === null)
      return this.#refuse(from, 'path', msg`CONFIRM_PATH for cache ID ${id}, never sent to peer ${from}.`);
    if (path !== undefined && packet[1] === 0) this.#refuseChecksum(from, path, this.#nodes.get(path));
  }

  #receiveRpc(from: number, packet: Uint8Array): undefined {
    const header = readRpcHeader(packet);
    if (typeof header === 'string') return this.#refuse(from, 'malformed', header);
    const node = this.#rpcNode(from, packet, header.nodeTarget, header.argsEnd);
    if (node === undefined) return;
    const config = node.config.byId[header.methodId];
    if (config === undefined) {
      return this.#refuse(from, 'method', msg`No RPC id ${header.methodId} on ${node.path}${ourMethods(node)}.`);
    }
    const authority = node.getMultiplayerAuthority();
    if (config.mode !== RpcMode.ANY_PEER && (config.mode !== RpcMode.AUTHORITY || from !== authority)) {
      return this.#refuse(
        from,
        'mode',
        msg`RPC '${config.name}' is not allowed on node ${node.path} from: ${from}. Mode is ${RPC_MODE_NAMES[config.mode]}, authority is ${authority}.`,
      );
    }
    let at = header.argsAt;
    // The raw form has no count (its argument, if any, is the rest).
    if (!header.byteOnly && at >= header.argsEnd) return this.#refuse(from, 'malformed', msg`Packet too small.`);
    const argc = header.byteOnly ? 0 : (packet[at++] as number);
    const args = readCompressedArgs(
      new ByteReader(packet, at, header.argsEnd),
      argc,
      header.byteOnly,
      this.maxDepth,
      this.codec,
    );
    if (args === undefined)
      return this.#refuse(
        from,
        'arguments',
        msg`RPC '${config.name}' on ${node.path}: unable to decode its arguments.`,
      );
    const types = config.spec.args;
    const bad = types === undefined ? -1 : firstSceneArgMismatch(args, types, this.codec);
    if (bad !== -1) {
      const what =
        bad === -2
          ? msg`${args.length} arguments, not ${types?.length}`
          : msg`argument ${bad + 1} ${quote(String(args[bad]), 40)}, not a ${types?.[bad]}`;
      return this.#refuse(from, 'arguments', msg`RPC '${config.name}' on ${node.path} called with ${what}.`);
    }
    this.#invoke(node, config, args, from);
  }

  /** The node a call names: by its inline path, or by the sender's cache id. */
  #rpcNode(from: number, packet: Uint8Array, target: number, pathAt: number): SceneNode | undefined {
    if (target & INLINE_PATH_FLAG) {
      if (packet.byteLength - pathAt > MAX_PATH_BYTES)
        return this.#refuse(from, 'path', msg`Node path longer than ${MAX_PATH_BYTES} bytes.`);
      const text = readCString(packet, pathAt);
      const node = text === null ? undefined : this.#nodes.get(scenePathKey(text, this.rootPath));
      if (node === undefined) {
        return this.#refuse(from, 'path', msg`RPC for unknown node ${quote(text ?? msg`(bad UTF-8)`)}.`);
      }
      // Godot checks no checksum for a call naming its node inline; we refuse it when the same peer's
      // SIMPLIFY_PATH for that path (which always comes first) did not match.
      return this.#paths.isMismatched(from, node.path) ? this.#refuseChecksum(from, node.path, node) : node;
    }
    const entry = this.#paths.lookup(from, target);
    if (entry === undefined) return this.#refuse(from, 'path', msg`Unknown cache ID ${target} of peer ${from}.`);
    const node = this.#nodes.get(entry.path);
    if (node === undefined) return this.#refuse(from, 'path', msg`Node ${quote(entry.path)} is no longer registered.`);
    return entry.checksumOk ? node : this.#refuseChecksum(from, node.path, node);
  }

  #invoke(node: SceneNode, config: MethodConfig, args: readonly unknown[], sender: number): void {
    const previous = this.#sender;
    this.#sender = sender;
    try {
      (config.spec.handler as (...a: unknown[]) => unknown).apply(node, args as unknown[]);
    } catch (error) {
      reportHandlerError(error, `RPC '${config.name}' on ${node.path}`);
    } finally {
      this.#sender = previous;
    }
  }

  /** A path (or a call on it) whose RPC checksum differs from ours: the two sides declare different methods. */
  #refuseChecksum(from: number, path: string, node: ReplicatedPath | undefined): undefined {
    return this.#refuse(from, 'checksum', msg`RPC checksum mismatch on ${path}${ourMethods(node)}.`);
  }

  /**
   * Counts and reports a refused packet: to the `rpc_refused` listeners or, without any, a
   * rate-limited log line. `undefined` for `return` chains.
   */
  #refuse(from: number, kind: string, reason: string): undefined {
    const listened = this.listenerCount('rpc_refused') > 0;
    this.#refusals.note(from, kind, reason, listened);
    if (listened) this.emit('rpc_refused', from, reason);
    return undefined;
  }

  #connectedPeer(): MultiplayerPeer | null {
    const peer = this.#peer;
    return peer !== null && peer.getConnectionStatus() === ConnectionStatus.CONNECTION_CONNECTED ? peer : null;
  }

  #listen(how: 'on' | 'off'): void {
    const peer = this.#peer as unknown as SignalEmitter | null;
    if (peer === null) return;
    for (const name of Object.keys(this.#handlers) as PeerSignal[]) peer[how](name, this.#handlers[name]);
  }

  #notConnected(id: number): ErrorCode {
    return this.#fail(ErrorCode.ERR_INVALID_PARAMETER, msg`Peer ${id} is not connected.`);
  }

  #fail(code: ErrorCode, message: string): ErrorCode {
    this.#error = message;
    return code;
  }
}

/** ` (our methods: a, b)` for a refusal naming `node`'s RPC methods. */
function ourMethods(node: ReplicatedPath | undefined): string {
  return msg` (our methods: ${node?.config.names.join(', ') ?? ''})`;
}
