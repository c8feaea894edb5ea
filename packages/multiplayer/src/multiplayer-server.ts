import {
  WebSocketServer as CoreWebSocketServer,
  ErrorCode,
  generatePeerId,
  type WebSocketPeer,
  type WebSocketServerEvents,
  type WebSocketServerOptions,
} from '@wspeer/core';
import type { EventEmitter } from 'eventemitter3';
import { TARGET_PEER_SERVER, TransferMode, type Wire } from './constants.js';
import { DropLog } from './drop-log.js';
import { frame, HEADER_SIZE, readHeader, SysType, sysMessage } from './godot3-frame.js';
import { idMessage } from './godot4-id.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import { SourcedPacketQueue } from './sourced-packet-queue.js';

/** Signals of the multiplayer-capable server: Godot 3's raw signals plus the multiplayer ones. */
export interface MultiplayerServerEvents extends WebSocketServerEvents, MultiplayerPeerEvents {}

/** Settings of the multiplayer-capable {@link WebSocketServer}. */
export interface MultiplayerServerOptions extends WebSocketServerOptions {
  /** Wire format in multiplayer mode (default `godot3`). */
  wire?: Wire;
  /** Where refusal warnings go (rate-limited); `null` silences them. Default `console.warn`. */
  log?: ((line: string) => void) | null;
}

/** Close code and reason for a client whose outbound queue overflowed while we relayed to it. */
const OVERFLOW_CODE = 1008;
const OVERFLOW_REASON = 'Buffer overflow';

/**
 * Godot 3's `WebSocketServer`, including multiplayer mode (`listen(port, protocols, true)`): the
 * server is peer 1, gives every client an id, announces peers, relays client to client (stamping
 * and checking the true sender), and implements {@link MultiplayerPeer}. Raw mode is unchanged.
 */
export class WebSocketServer extends CoreWebSocketServer<MultiplayerServerEvents> implements MultiplayerPeer {
  /** Wire format used in multiplayer mode. */
  wire: Wire;
  /** Requested transfer mode (reported; WebSocket is reliable and ordered). */
  transferMode: TransferMode = TransferMode.RELIABLE;
  /** Requested channel (reported). */
  transferChannel = 0;
  #multiplayer = false;
  #target = 0;
  readonly #inbox = new SourcedPacketQueue();
  readonly #drops: DropLog;
  readonly #forgotten = new Set<number>();
  /**
   * @internal Whose `packet_dropped` listeners hear this server's refusals instead of its own: the
   * `WebSocketMultiplayerPeer` that owns it. With none listening there, refusals go to `log`.
   */
  refusalsTo: EventEmitter<MultiplayerPeerEvents> | null = null;

  constructor(options: MultiplayerServerOptions = {}) {
    super(options);
    this.wire = options.wire ?? 'godot3';
    this.#drops = new DropLog(options.log);
  }

  /** Listens; with `gdMpApi` the server speaks the multiplayer protocol (see `wire`). */
  override listen(port: number, protocols: readonly string[] = [], gdMpApi = false): ErrorCode {
    const err = super.listen(port, protocols);
    if (err === ErrorCode.OK) this.#multiplayer = gdMpApi;
    return err;
  }

  /** Attaches to an HTTP(S) server; with `gdMpApi` in multiplayer mode. */
  override attach(
    server: unknown,
    options: { path?: string; protocols?: readonly string[]; gdMpApi?: boolean } = {},
  ): ErrorCode {
    const err = super.attach(server, options);
    if (err === ErrorCode.OK) this.#multiplayer = options.gdMpApi ?? false;
    return err;
  }

  /** Whether the server runs in multiplayer mode. */
  get isMultiplayer(): boolean {
    return this.#multiplayer;
  }

  /** Stops and drops every queued packet. */
  override stop(code?: number, reason?: string): void {
    super.stop(code, reason);
    this.#inbox.clear();
    this.#forgotten.clear();
  }

  /** Sends `buffer` to the target peer. `ERR_UNCONFIGURED` outside multiplayer mode or when not listening. */
  putPacket(buffer: Uint8Array): ErrorCode {
    if (!this.#multiplayer || !this.isListening()) return ErrorCode.ERR_UNCONFIGURED;
    const target = this.#target;
    if (target === TARGET_PEER_SERVER) return ErrorCode.OK;
    const message = this.wire === 'godot3' ? frame(SysType.NONE, 1, target, buffer) : buffer;
    if (target > 1) {
      const peer = this.connectedPeers.get(target);
      if (peer === undefined) return ErrorCode.ERR_INVALID_PARAMETER;
      this.#deliver(target, peer, message);
      return ErrorCode.OK;
    }
    this.#broadcast(message, 0, -target);
    return ErrorCode.OK;
  }

  /** Removes and returns the next packet; empty with `ERR_UNAVAILABLE` when none. */
  getPacket(): Uint8Array {
    return this.#inbox.take();
  }

  /** The error of the last `getPacket`. */
  getPacketError(): ErrorCode {
    return this.#inbox.error;
  }

  /** Packets waiting. */
  getAvailablePacketCount(): number {
    return this.#inbox.length;
  }

  /** Sender of the next packet (0 when none). */
  getPacketPeer(): number {
    return this.#inbox.nextSender;
  }

  /** Always 0: WebSocket has one channel. */
  getPacketChannel(): number {
    return 0;
  }

  /** Always reliable over WebSocket. */
  getPacketMode(): TransferMode {
    return TransferMode.RELIABLE;
  }

  /** 0 broadcast, 1 server (no-op), N one client, -N everyone but N. */
  setTargetPeer(id: number): void {
    this.#target = id;
  }

  /** The server is always peer 1. */
  getUniqueId(): number {
    return TARGET_PEER_SERVER;
  }

  /** True. */
  isServer(): boolean {
    return true;
  }

  /** True: clients reach each other through the server. */
  isServerRelaySupported(): boolean {
    return true;
  }

  /** A random id for a new peer (2 to 2^31-1). */
  generateUniqueId(): number {
    return generatePeerId();
  }

  /**
   * Godot 4 form `disconnectPeer(id, force)`: closes client `id` (1000); `force` drops it at once
   * and forgets it without `peer_disconnected`. Godot 3 form `disconnectPeer(id, code, reason)`.
   */
  override disconnectPeer(id: number, codeOrForce: number | boolean = 1000, reason = ''): ErrorCode {
    if (codeOrForce === true) {
      if (!this.hasPeer(id)) return ErrorCode.ERR_DOES_NOT_EXIST;
      this.#forgotten.add(id);
      return super.disconnectPeer(id, -1);
    }
    return super.disconnectPeer(id, codeOrForce === false ? 1000 : codeOrForce, reason);
  }

  /** Drops every client at once and stops, without `peer_disconnected` signals. */
  close(): void {
    this.stop(-1, '');
  }

  protected override peerConnected(id: number, peer: WebSocketPeer, protocol: string): void {
    if (!this.#multiplayer) {
      super.peerConnected(id, peer, protocol);
      return;
    }
    if (this.wire === 'godot4') {
      peer.send(idMessage(id));
    } else {
      peer.send(sysMessage(SysType.ID, id));
      peer.send(sysMessage(SysType.ADD, 1));
      const added = sysMessage(SysType.ADD, id);
      // Godot keeps its peers in an ordered map: existing peers are announced by ascending id.
      const others = [...this.connectedPeers.keys()].sort((a, b) => a - b);
      for (const other of others) {
        if (other === id) continue;
        (this.connectedPeers.get(other) as WebSocketPeer).send(added);
        peer.send(sysMessage(SysType.ADD, other));
      }
    }
    this.emit('peer_connected', id);
  }

  protected override peerPacket(id: number, peer: WebSocketPeer): void {
    if (!this.#multiplayer) {
      super.peerPacket(id, peer);
      return;
    }
    const message = peer.getPacket();
    if (this.wire === 'godot4') this.#store(message, id);
    else this.#route(id, message);
  }

  protected override peerDisconnected(id: number, wasClean: boolean): void {
    if (!this.#multiplayer) {
      super.peerDisconnected(id, wasClean);
      return;
    }
    if (this.wire === 'godot3') this.#broadcast(sysMessage(SysType.DEL, id), 0, 0);
    if (this.#forgotten.delete(id)) return;
    this.emit('peer_disconnected', id);
  }

  /** Godot 3.2's server relay rules, checked in Godot's order. */
  #route(sender: number, message: Uint8Array): boolean {
    const header = readHeader(message);
    if (header === null) return this.#refuse(sender, `short message (${message.byteLength} bytes < ${HEADER_SIZE})`);
    if (header.type !== SysType.NONE) return this.#refuse(sender, `system message (type ${header.type}) from a client`);
    if (header.from !== sender) return this.#refuse(sender, `spoofed sender ${header.from}`);
    const to = header.to;
    if (to === TARGET_PEER_SERVER) return this.#store(message.subarray(HEADER_SIZE), sender);
    if (to === 0 || to < 0) {
      if (to !== -TARGET_PEER_SERVER) this.#store(message.subarray(HEADER_SIZE), sender);
      this.#broadcast(message, sender, -to);
      return true;
    }
    if (to === sender) return this.#refuse(sender, 'relay to itself');
    const peer = this.connectedPeers.get(to);
    if (peer === undefined) return this.#refuse(sender, `unknown target peer ${to}`);
    this.#deliver(to, peer, message);
    return true;
  }

  #store(packet: Uint8Array, sender: number): true {
    this.#inbox.push(packet, sender);
    this.emit('peer_packet', sender);
    return true;
  }

  /** Sends `message` to every client but `skipA` and `skipB`. */
  #broadcast(message: Uint8Array, skipA: number, skipB: number): void {
    for (const [id, peer] of this.connectedPeers) {
      if (id !== skipA && id !== skipB) this.#deliver(id, peer, message);
    }
  }

  /** Sends to one client; a client that cannot take more is disconnected, not silently skipped. */
  #deliver(id: number, peer: WebSocketPeer, message: Uint8Array): void {
    const err = peer.send(message);
    if (err === ErrorCode.ERR_OUT_OF_MEMORY) {
      this.#refuse(id, `peer ${id} is over its outbound buffer limits; disconnecting it`);
      peer.close(OVERFLOW_CODE, OVERFLOW_REASON);
    }
  }

  /** Reports a refused packet (signal, or a rate-limited log line); returns false for `return` chains. */
  #refuse(from: number, reason: string): false {
    const target = this.refusalsTo ?? (this as unknown as EventEmitter<MultiplayerPeerEvents>);
    if (target.listenerCount('packet_dropped') > 0) target.emit('packet_dropped', from, reason);
    else this.#drops.note(from, reason);
    return false;
  }
}
