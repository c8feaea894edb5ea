import {
  CloseReason,
  ConnectionStatus,
  WebSocketClient as CoreWebSocketClient,
  ErrorCode,
  generatePeerId,
  State,
  type WebSocketClientEvents,
  type WebSocketClientOptions,
} from '@wspeer/core';
import { TARGET_PEER_SERVER, TransferMode, type Wire } from './constants.js';
import { frame, HEADER_SIZE, readSysId, SysType } from './godot3-frame.js';
import { readIdMessage } from './godot4-id.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import { readInt32 } from './read-int32.js';
import { SourcedPacketQueue } from './sourced-packet-queue.js';

/** Signals of the multiplayer-capable client: Godot 3's raw signals plus the multiplayer ones. */
export interface MultiplayerClientEvents extends WebSocketClientEvents, MultiplayerPeerEvents {}

/** Settings of the multiplayer-capable {@link WebSocketClient}. */
export interface MultiplayerClientOptions extends WebSocketClientOptions {
  /** Wire format in multiplayer mode (default `godot3`). */
  wire?: Wire;
  /** Seconds to wait for the server's id in multiplayer mode before failing (default 3). */
  handshakeTimeout?: number;
}

/**
 * Godot 3's `WebSocketClient`, including multiplayer mode (`connectToUrl(url, protocols, true)`):
 * it learns its id from the server, tracks the peers the server announces, frames and sends
 * packets to a target peer, and implements {@link MultiplayerPeer}. Raw mode is unchanged.
 */
export class WebSocketClient extends CoreWebSocketClient<MultiplayerClientEvents> implements MultiplayerPeer {
  /** Wire format used in multiplayer mode. */
  wire: Wire;
  /** Seconds to wait for the server's id in multiplayer mode. */
  handshakeTimeout: number;
  /** Requested transfer mode (reported; WebSocket is reliable and ordered). */
  transferMode: TransferMode = TransferMode.RELIABLE;
  /** Requested channel (reported). */
  transferChannel = 0;
  /** Part of the contract; a client never accepts peers. */
  refuseNewConnections = false;
  #multiplayer = false;
  #uniqueId = 0;
  #connectedToServer = false;
  #target = 0;
  readonly #peerIds = new Set<number>();
  readonly #inbox = new SourcedPacketQueue();
  #timer: unknown;
  #silenced = false;

  constructor(options: MultiplayerClientOptions = {}) {
    super(options);
    this.wire = options.wire ?? 'godot3';
    this.handshakeTimeout = options.handshakeTimeout ?? 3;
  }

  /**
   * Connects. Godot 3 forms: `(url, protocols, gdMpApi, customHeaders)` and, as in raw mode,
   * `(url, protocols, customHeaders)`.
   */
  override connectToUrl(
    url: string,
    protocols: readonly string[] = [],
    gdMpApi: boolean | readonly string[] = false,
    customHeaders: readonly string[] = [],
  ): ErrorCode {
    const multiplayer = gdMpApi === true;
    const headers = Array.isArray(gdMpApi) ? gdMpApi : customHeaders;
    const err = super.connectToUrl(url, protocols, headers);
    if (err !== ErrorCode.OK) return err;
    this.#resetMultiplayer();
    this.#silenced = false;
    this.#multiplayer = multiplayer;
    if (multiplayer && this.handshakeTimeout > 0) {
      this.#timer = setTimeout(() => this.#handshakeExpired(), this.handshakeTimeout * 1000);
    }
    return ErrorCode.OK;
  }

  /** Whether the client runs in multiplayer mode. */
  get isMultiplayer(): boolean {
    return this.#multiplayer;
  }

  /** Sends `buffer` to the target peer through the server. `ERR_UNCONFIGURED` unless connected in multiplayer mode. */
  putPacket(buffer: Uint8Array): ErrorCode {
    if (!this.#multiplayer || !this.#connectedToServer) return ErrorCode.ERR_UNCONFIGURED;
    const message = this.wire === 'godot3' ? frame(SysType.NONE, this.#uniqueId, this.#target, buffer) : buffer;
    return this.peer.send(message);
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

  /** 0 broadcast, 1 server, N one peer, -N everyone but N (godot4 wire: always the server). */
  setTargetPeer(id: number): void {
    this.#target = id;
  }

  /** Our id (0 until the server sent it). */
  getUniqueId(): number {
    return this.#uniqueId;
  }

  /** False. */
  isServer(): boolean {
    return false;
  }

  /** True: the server relays between clients. */
  isServerRelaySupported(): boolean {
    return true;
  }

  /** A random id (2 to 2^31-1). */
  generateUniqueId(): number {
    return generatePeerId();
  }

  /** The peers the server announced (including 1, the server). */
  getPeerIds(): number[] {
    return [...this.#peerIds];
  }

  /** Multiplayer mode: connecting until the server gave us an id. */
  override getConnectionStatus(): ConnectionStatus {
    const status = super.getConnectionStatus();
    if (!this.#multiplayer || status !== ConnectionStatus.CONNECTION_CONNECTED) return status;
    return this.#connectedToServer ? status : ConnectionStatus.CONNECTION_CONNECTING;
  }

  /** Disconnects from the server (only id 1 exists on a client); `force` drops at once. */
  disconnectPeer(id: number, force = false): void {
    if (id === TARGET_PEER_SERVER) this.peer.close(force ? -1 : 1000);
  }

  /** Drops the connection at once and forgets every peer, without signals. */
  close(): void {
    if (this.peer.readyState !== State.CLOSED) this.#silenced = true;
    this.peer.close(-1);
    this.#resetMultiplayer();
  }

  protected override connectionOpened(protocol: string): void {
    if (!this.#multiplayer) super.connectionOpened(protocol);
  }

  protected override packetArrived(): void {
    if (!this.#multiplayer) {
      super.packetArrived();
      return;
    }
    const message = this.peer.getPacket();
    if (this.wire === 'godot3') this.#receiveGodot3(message);
    else this.#receiveGodot4(message);
  }

  protected override connectionEnded(wasClean: boolean, wasOpen: boolean): void {
    if (this.#silenced) {
      this.#silenced = false;
      return;
    }
    if (!this.#multiplayer) {
      super.connectionEnded(wasClean, wasOpen);
      return;
    }
    const wasConnected = this.#connectedToServer;
    const peers = [...this.#peerIds];
    this.#resetMultiplayer();
    for (const id of peers) this.emit('peer_disconnected', id);
    this.emit(wasConnected ? 'server_disconnected' : 'connection_failed');
  }

  #receiveGodot3(message: Uint8Array): void {
    if (message.byteLength < HEADER_SIZE) return;
    const type = message[0];
    if (type === SysType.NONE) {
      this.#store(message.subarray(HEADER_SIZE), readInt32(message, 1));
      return;
    }
    const id = readSysId(message);
    if (id === null) return;
    if (type === SysType.ID) this.#uniqueId = id;
    else if (type === SysType.ADD) this.#addPeer(id);
    else if (type === SysType.DEL && this.#peerIds.delete(id)) this.emit('peer_disconnected', id);
  }

  #receiveGodot4(message: Uint8Array): void {
    if (this.#connectedToServer) {
      this.#store(message, TARGET_PEER_SERVER);
      return;
    }
    const id = readIdMessage(message);
    if (id === null) {
      this.peer.close(1002, 'Invalid ID received from server');
      return;
    }
    this.#uniqueId = id;
    this.#addPeer(TARGET_PEER_SERVER);
  }

  #addPeer(id: number): void {
    if (this.#peerIds.has(id)) return;
    this.#peerIds.add(id);
    if (id === TARGET_PEER_SERVER) {
      this.#connectedToServer = true;
      clearTimeout(this.#timer);
    }
    this.emit('peer_connected', id);
    if (id === TARGET_PEER_SERVER) this.emit('connection_succeeded');
  }

  #store(packet: Uint8Array, sender: number): void {
    this.#inbox.push(packet, sender);
    this.emit('peer_packet', sender);
  }

  #handshakeExpired(): void {
    if (this.#multiplayer && !this.#connectedToServer) this.peer.close(-1, CloseReason.HANDSHAKE_TIMEOUT);
  }

  #resetMultiplayer(): void {
    clearTimeout(this.#timer);
    this.#uniqueId = 0;
    this.#connectedToServer = false;
    this.#peerIds.clear();
    this.#inbox.clear();
    this.#target = 0;
  }
}
