import {
  CloseCode,
  CloseReason,
  ConnectionStatus,
  WebSocketClient as CoreWebSocketClient,
  ErrorCode,
  RECONNECT_LOST,
  RECONNECT_OPENED,
  type Reconnect,
  State,
  type WebSocketClientEvents,
  type WebSocketClientOptions,
} from '@wspeer/core';
import { TARGET_PEER_SERVER, type Wire } from './constants.js';
import type { MultiplayerPeer, MultiplayerPeerEvents } from './multiplayer-peer.js';
import { MultiplayerSession, SESSION } from './multiplayer-session.js';
import { withPacketSide } from './packet-side.js';
import { type ClientResumeSession, RESUME_SESSION, type ResumeFactory, type ResumeOwner } from './resume-session.js';
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
   * Reconnects after a drop (see `Reconnect`). In multiplayer mode the old session ends
   * (`server_disconnected`) and each reconnect starts a new one with a new id, unless this is a
   * `Resume` and the server resumes: then the session goes on with the same id, and nothing is lost.
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
  wire: Wire;
  /** Seconds to wait for the server's id in multiplayer mode. */
  handshakeTimeout: number;
  /** Part of the contract; a client never accepts peers. */
  refuseNewConnections = false;
  /** The packet side and signals (shared with a `WebSocketMultiplayerPeer` that drives this client). */
  override [SESSION]: MultiplayerSession;
  #multiplayer = false;
  #format: ClientWire = clientWire('godot3');
  #uniqueId = 0;
  #admitted = false;
  readonly #peerIds = new Set<number>();
  #timer: unknown;
  #silenced = false;
  /** This client as its wire format sees it. */
  readonly #link: ClientLink;
  readonly #reconnect: Reconnect | null;
  #resume: ClientResumeSession | null = null;
  #byUser = false;
  #url = '';

  /** A client; `session` is passed by a `WebSocketMultiplayerPeer` that drives it. */
  constructor(options: MultiplayerClientOptions = {}, session?: MultiplayerSession) {
    super({ ...options, reconnect: null });
    this.#reconnect = options.reconnect ?? null;
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
    const reconnect = this.#reconnect;
    this.peer.reconnect = multiplayer ? null : reconnect;
    this.#resume?.end();
    const resume = multiplayer
      ? ((reconnect as Partial<ResumeFactory> | null)?.[RESUME_SESSION]?.(this.#owner, url) ?? null)
      : null;
    const err = super.connectToUrl(resume?.offerUrl(url) ?? url, protocols, headers);
    if (err !== ErrorCode.OK) return err;
    this.#url = url;
    this.#byUser = false;
    this.#resume = resume;
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
    return this.#resume?.live ? this.#resume.send(message) : this.peer.send(message);
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
    // A resumable session stays connected while it resumes (packets are queued).
    if (this.#multiplayer && this.#admitted) return ConnectionStatus.CONNECTION_CONNECTED;
    const status = super.getConnectionStatus();
    if (!this.#multiplayer || status !== ConnectionStatus.CONNECTION_CONNECTED) return status;
    return this.#admitted ? status : ConnectionStatus.CONNECTION_CONNECTING;
  }

  /** Disconnects from the server (only id 1 exists on a client); `force` drops at once. */
  disconnectPeer(id: number, force = false): void {
    if (id !== TARGET_PEER_SERVER) return;
    this.#byUser = true;
    this.peer.close(force ? CloseCode.UNCLEAN : CloseCode.NORMAL);
  }

  /** Closes with `code` and `reason` (no reconnect follows); `connection_closed` or `server_disconnected` follows from a later poll. */
  override disconnectFromHost(code: number = CloseCode.NORMAL, reason = ''): ErrorCode {
    this.#byUser = true;
    return super.disconnectFromHost(code, reason);
  }

  /** Drops the connection at once and forgets every peer, without signals (a waiting reconnect is stopped). */
  close(): void {
    this.#byUser = true;
    if (this.peer.readyState !== State.CLOSED) this.#silenced = true;
    else if (this.#reconnect?.isReconnecting) this.#reconnect.stop();
    this.peer.close(-1);
    this.#resume?.end();
    this.#resume = null;
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
    if (this.#resume?.inbound(message, this.peer.wasStringPacket())) return;
    this.#format.receive(this.#link, message);
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
    const reconnect = this.#reconnect;
    const resume = this.#resume;
    const code = this.peer.closeCode;
    if (reconnect !== null && !this.#byUser) {
      if (resume?.live) {
        // A resumable session is held: no signal unless the reconnect gives up.
        if (reconnect[RECONNECT_LOST](resume.retry, code, wasOpen)) return;
      } else if (this.#admitted) {
        // Without resume the session is over; a reconnect starts a new one.
        this.#ended();
        reconnect[RECONNECT_LOST](this.#retry, code, true);
        return;
      } else if (reconnect.isReconnecting && reconnect[RECONNECT_LOST](this.#retry, code, false)) {
        this.#resetMultiplayer();
        return;
      }
    }
    this.#ended();
  }

  /** The session is over: its peers and the server leave (signals), as Godot reports a lost connection. */
  #ended(): void {
    const wasAdmitted = this.#admitted;
    const peers = [...this.#peerIds];
    this.#resume?.end();
    this.#resetMultiplayer();
    for (const id of peers) this[SESSION].signals?.emit('peer_disconnected', id);
    this[SESSION].signals?.emit(wasAdmitted ? 'server_disconnected' : 'connection_failed');
  }

  /** A fresh reconnect (new session, new id) to the last URL. */
  readonly #retry = (): ErrorCode => {
    const peer = this.peer;
    return this.connectToUrl(this.#url, peer.supportedProtocols, true, peer.handshakeHeaders);
  };

  /** This client as a resume session sees it. */
  readonly #owner: ResumeOwner = {
    peer: this.peer,
    getUniqueId: () => this.#uniqueId,
    resumeRefused: () => this.#ended(),
  };

  #addPeer(id: number): void {
    if (this.#peerIds.has(id)) return;
    this.#peerIds.add(id);
    if (id === TARGET_PEER_SERVER) {
      this.#admitted = true;
      clearTimeout(this.#timer);
      this.#reconnect?.[RECONNECT_OPENED]();
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
