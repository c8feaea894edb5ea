import {
  CloseCode,
  type ConnectionStatus,
  WebSocketClient as CoreWebSocketClient,
  ErrorCode,
  type Reconnect,
  State,
  type WebSocketClientEvents,
  type WebSocketClientOptions,
} from '@wspeer/core';
import { TARGET_PEER_SERVER, type Wire } from './constants.js';
import { connectionClass, type MultiplayerConnection } from './multiplayer-connection.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import { MultiplayerSession, SESSION } from './multiplayer-session.js';
import { withPacketSide } from './packet-side.js';

/** Signals of the multiplayer-capable client: Godot 3's raw signals plus the multiplayer ones. */
export interface MultiplayerClientEvents extends WebSocketClientEvents, MultiplayerPeerEvents {}

/** Settings of the multiplayer-capable {@link WebSocketClient}. */
export interface MultiplayerClientOptions extends WebSocketClientOptions {
  /** Wire format in multiplayer mode (default `godot3`). */
  wire?: Wire;
  /** Seconds to wait for the server's id in multiplayer mode before failing (default 3). */
  handshakeTimeout?: number;
  /**
   * Reconnects after a drop (see `Reconnect`). In multiplayer mode the session ends as usual
   * (`server_disconnected`) and a reconnect starts a new one with a new id (`connection_succeeded`),
   * unless this is a `Resume` and the server resumes: then the session goes on, same id, nothing lost.
   */
  reconnect?: Reconnect | null;
}

/**
 * Godot 3's `WebSocketClient`, including multiplayer mode (`connectToUrl(url, protocols, true)`):
 * it learns its id from the server, tracks the peers the server announces, frames and sends
 * packets to a target peer, and implements {@link MultiplayerPeer}. Raw mode is unchanged.
 */
export class WebSocketClient
  extends withPacketSide(CoreWebSocketClient<MultiplayerClientEvents>)
  implements MultiplayerPeer
{
  /** Wire format used in multiplayer mode. */
  declare wire: Wire;
  /** Seconds to wait for the server's id in multiplayer mode. */
  declare handshakeTimeout: number;
  /** Part of the contract; a client never accepts peers. */
  refuseNewConnections = false;
  /** The packet side and signals (shared with a `WebSocketMultiplayerPeer` that drives this client). */
  declare [SESSION]: MultiplayerSession;
  /** The multiplayer side of the current connection; `null` in raw mode. */
  #mp: MultiplayerConnection | null = null;
  #silenced = false;

  /** A client; `session` is passed by a `WebSocketMultiplayerPeer` that drives it. */
  constructor(options: MultiplayerClientOptions = {}, session?: MultiplayerSession) {
    super(options);
    this.wire = options.wire ?? 'godot3';
    this.handshakeTimeout = options.handshakeTimeout ?? 3;
    this[SESSION] = session ?? new MultiplayerSession(this);
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
    const headers = Array.isArray(gdMpApi) ? gdMpApi : customHeaders;
    this.#mp?.endResume?.();
    const mp =
      gdMpApi === true ? new (connectionClass(this.peer.reconnect))(this.peer, this[SESSION], this.wire, url) : null;
    const err = super.connectToUrl(mp?.url ?? url, protocols, headers);
    if (err !== ErrorCode.OK) return err;
    this.#mp?.reset();
    this.#silenced = false;
    this.#mp = mp;
    mp?.start(this.handshakeTimeout);
    return ErrorCode.OK;
  }

  /** Whether the client runs in multiplayer mode. */
  get isMultiplayer(): boolean {
    return this.#mp !== null;
  }

  /** Sends `buffer` to the target peer through the server. `ERR_UNCONFIGURED` unless connected in multiplayer mode. */
  putPacket(buffer: Uint8Array): ErrorCode {
    return this.#mp?.putPacket(buffer) ?? ErrorCode.ERR_UNCONFIGURED;
  }

  /** Our id (0 until the server sent it). */
  getUniqueId(): number {
    return this.#mp?.getUniqueId() ?? 0;
  }

  /** False. */
  isServer(): boolean {
    return false;
  }

  /** The peers the server announced (including 1, the server). */
  getPeerIds(): number[] {
    return this.#mp?.getPeerIds() ?? [];
  }

  /** Multiplayer mode: connecting until the server gave us an id. */
  override getConnectionStatus(): ConnectionStatus {
    return this.#mp?.getConnectionStatus() ?? super.getConnectionStatus();
  }

  /** Disconnects from the server (only id 1 exists on a client); `force` drops at once. */
  disconnectPeer(id: number, force = false): void {
    if (id === TARGET_PEER_SERVER) this.peer.close(force ? CloseCode.UNCLEAN : CloseCode.NORMAL);
  }

  /** Drops the connection at once and forgets every peer, without signals. */
  close(): void {
    if (this.peer.readyState !== State.CLOSED) this.#silenced = true;
    if (this.#mp === null) this.peer.close(-1);
    else this.#mp.close();
  }

  protected override connectionOpened(protocol: string): void {
    if (this.#mp === null) super.connectionOpened(protocol);
  }

  protected override packetArrived(): void {
    if (this.#mp === null) super.packetArrived();
    else this.#mp.onPeerPacket();
  }

  protected override connectionEnded(wasClean: boolean, wasOpen: boolean): void {
    if (this.#silenced) {
      this.#silenced = false;
      return;
    }
    if (this.#mp === null) super.connectionEnded(wasClean, wasOpen);
    else this.#mp.onPeerClosed();
  }
}
