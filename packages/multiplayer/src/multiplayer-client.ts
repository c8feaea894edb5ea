import {
  CloseCode,
  CloseReason,
  ConnectionStatus,
  WebSocketClient as CoreWebSocketClient,
  ErrorCode,
  type Reconnect,
  State,
  type WebSocketClientEvents,
  type WebSocketClientOptions,
} from '@wspeer/core';
import { TARGET_PEER_SERVER, type Wire } from './constants.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import { MultiplayerSession, SESSION } from './multiplayer-session.js';
import { withPacketSide } from './packet-side.js';
import { type ClientResumeSession, RESUME_SESSION, type ResumeFactory } from './resume-session.js';
import type { ClientLink, ClientWire } from './wire.js';
import { clientWire } from './wire-formats.js';

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
  #multiplayer = false;
  #format: ClientWire = clientWire('godot3');
  #uniqueId = 0;
  #admitted = false;
  readonly #peerIds = new Set<number>();
  #timer: unknown;
  #silenced = false;
  /** This client as its wire format sees it. */
  readonly #link: ClientLink;
  /** The resumable session, with a `Resume` in multiplayer mode. */
  #resume: ClientResumeSession | null | undefined;

  /** A client; `session` is passed by a `WebSocketMultiplayerPeer` that drives it. */
  constructor(options: MultiplayerClientOptions = {}, session?: MultiplayerSession) {
    super(options);
    this.wire = options.wire ?? 'godot3';
    this.handshakeTimeout = options.handshakeTimeout ?? 3;
    this[SESSION] = session ?? new MultiplayerSession(this);
    const client = this;
    this.#link = {
      get admitted() {
        return client.#admitted;
      },
      store: (packet, sender) => this[SESSION].store(packet, sender),
      setUniqueId: (id) => {
        this.#uniqueId = id;
      },
      addPeer: (id) => this.#addPeer(id),
      removePeer: (id) => {
        if (this.#peerIds.delete(id)) this[SESSION].signals?.emit('peer_disconnected', id);
      },
      fail: (code, reason) => {
        this.peer.close(code, reason);
      },
    };
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
    this.#resume?.end();
    this.#resume = multiplayer
      ? (this.peer.reconnect as Partial<ResumeFactory> | null)?.[RESUME_SESSION]?.(this, url)
      : null;
    const err = super.connectToUrl(this.#resume?.offerUrl ?? url, protocols, headers);
    if (err !== ErrorCode.OK) return err;
    this.#resetMultiplayer();
    this.#silenced = false;
    this.#multiplayer = multiplayer;
    this.#format = clientWire(this.wire);
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
    if (!this.#multiplayer || !this.#admitted) return ErrorCode.ERR_UNCONFIGURED;
    const message = this.#format.frame(this.#uniqueId, this[SESSION].target, buffer);
    return this.#resume?.live ? this.#resume.send(message, buffer) : this.peer.send(message);
  }

  /** Our id (0 until the server sent it). */
  getUniqueId(): number {
    return this.#uniqueId;
  }

  /** False. */
  isServer(): boolean {
    return false;
  }

  /** The peers the server announced (including 1, the server). */
  getPeerIds(): number[] {
    return [...this.#peerIds];
  }

  /** Multiplayer mode: connecting until the server gave us an id. */
  override getConnectionStatus(): ConnectionStatus {
    if (this.#resume?.held) return ConnectionStatus.CONNECTION_CONNECTED; // resuming: sends are queued
    const status = super.getConnectionStatus();
    if (!this.#multiplayer || status !== ConnectionStatus.CONNECTION_CONNECTED) return status;
    return this.#admitted ? status : ConnectionStatus.CONNECTION_CONNECTING;
  }

  /** Disconnects from the server (only id 1 exists on a client); `force` drops at once. */
  disconnectPeer(id: number, force = false): void {
    if (id === TARGET_PEER_SERVER) this.peer.close(force ? CloseCode.UNCLEAN : CloseCode.NORMAL);
  }

  /** Drops the connection at once and forgets every peer, without signals. */
  close(): void {
    if (this.peer.readyState !== State.CLOSED) this.#silenced = true;
    this.peer.close(-1);
    this.#resume?.end();
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
    // A resume control message (1), or the server refused a resume (2: the old session ended).
    const kept = this.#resume?.inbound(message, this.peer.wasStringPacket()) ?? 0;
    if (kept & 2) this.#ended();
    if (!(kept & 1)) this.#format.receive(this.#link, message);
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
    if (this.#resume?.held) return; // held by a resume: no signal unless it gives up
    this.#resume?.end();
    this.#ended();
  }

  /** The session is over: its peers and then the server leave (or the connection failed). */
  #ended(): void {
    const wasAdmitted = this.#admitted;
    const peers = [...this.#peerIds];
    this.#resetMultiplayer();
    for (const id of peers) this[SESSION].signals?.emit('peer_disconnected', id);
    this[SESSION].signals?.emit(wasAdmitted ? 'server_disconnected' : 'connection_failed');
  }

  #addPeer(id: number): void {
    if (this.#peerIds.has(id)) return;
    this.#peerIds.add(id);
    if (id === TARGET_PEER_SERVER) {
      this.#admitted = true;
      clearTimeout(this.#timer);
    }
    this[SESSION].signals?.emit('peer_connected', id);
    if (id === TARGET_PEER_SERVER) this[SESSION].signals?.emit('connection_succeeded');
  }

  #handshakeExpired(): void {
    if (this.#multiplayer && !this.#admitted) this.peer.close(-1, CloseReason.HANDSHAKE_TIMEOUT);
  }

  #resetMultiplayer(): void {
    clearTimeout(this.#timer);
    this.#uniqueId = 0;
    this.#admitted = false;
    this.#peerIds.clear();
    this[SESSION].inbox.clear();
  }
}
