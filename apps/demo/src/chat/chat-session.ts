import { CloseCode, ConnectionStatus, ErrorCode, errorName, WriteMode } from 'wspeer';
import { WebSocketClient } from 'wspeer/multiplayer';
import type { LogView } from '../log-view.ts';
import { CLOSED_STATUS, type Session, type SessionStatus, stateName } from '../session.ts';
import { decodeChat, encodeChat } from './chat-codec.ts';
import { ChatRoster } from './chat-roster.ts';

/** The protocols the chat demo's client requests; the server picks `my-protocol`. */
export const CHAT_PROTOCOLS = ['my-protocol2', 'my-protocol', 'binary'];

/** Where a multiplayer-mode message goes: the demo's destination option. */
export type ChatDestination = 'broadcast' | 'last' | 'all-but-last';

/** What {@link ChatSession.send} needs. */
export interface ChatMessage {
  nick: string;
  text: string;
  /** Raw mode write mode: binary frames (a Variant String) instead of text frames. */
  binary: boolean;
  /** Multiplayer mode target. */
  destination: ChatDestination;
}

/**
 * One connection to the chat, as the client of Godot's websocket_chat demo: raw mode (`/chat`,
 * `connectToUrl(url, protocols)`) or multiplayer mode (`/chat/mp`, `connectToUrl(url, protocols,
 * true)`). It logs what the demo logs, keeps the peer list, and sends `"nickname: text"`.
 */
export class ChatSession implements Session {
  /** Who is in the room (as far as this mode can tell). */
  readonly roster = new ChatRoster();
  #client: WebSocketClient | null = null;
  #lastConnected = 0;

  readonly #log: LogView;

  constructor(log: LogView) {
    this.#log = log;
  }

  /** Disconnected, connecting (multiplayer: until the server sent our id) or connected. */
  get connectionStatus(): ConnectionStatus {
    return this.#client?.getConnectionStatus() ?? ConnectionStatus.CONNECTION_DISCONNECTED;
  }

  /** Whether the current (or last) connection uses multiplayer mode. */
  get multiplayer(): boolean {
    return this.#client?.isMultiplayer ?? false;
  }

  /** Our peer id in multiplayer mode (0 otherwise). */
  get uniqueId(): number {
    return this.#client?.getUniqueId() ?? 0;
  }

  /** Connects with a new client (raw mode unless `multiplayer`). */
  connect(url: string, multiplayer: boolean): ErrorCode {
    this.#client?.removeAllListeners();
    const client = new WebSocketClient();
    this.#client = client;
    this.roster.clear();
    this.#lastConnected = 0;
    client.on('connection_established', (protocol) => this.#log.add(`Connected with protocol: ${protocol}`));
    client.on('connection_succeeded', () =>
      this.#log.add(`Connected as peer ${client.getUniqueId()}, protocol: ${client.getPeer(1)?.selectedProtocol}`),
    );
    client.on('server_close_request', (code, reason) => this.#log.add(`Close code: ${code}, reason: ${reason}`));
    client.on('connection_error', () => this.#ended('Connection failed'));
    client.on('connection_failed', () => this.#ended('Connection failed'));
    client.on('connection_closed', (clean) => this.#ended(`Disconnected. Was clean: ${clean}`));
    client.on('server_disconnected', () => this.#ended('Disconnected from the server'));
    client.on('peer_connected', (id) => {
      this.#lastConnected = id;
      if (id !== 1) this.roster.add(id);
    });
    client.on('peer_disconnected', (id) => this.roster.remove(id));
    client.on('data_received', () => this.#receiveRaw(client));
    client.on('peer_packet', () => this.#receiveMultiplayer(client));
    const err = client.connectToUrl(url, CHAT_PROTOCOLS, multiplayer);
    if (err === ErrorCode.OK) this.#log.add(`Connecting to ${url} (${multiplayer ? 'multiplayer' : 'raw'} mode)…`);
    else this.#log.add(`Unable to connect: ${errorName(err)}`, 'warning');
    return err;
  }

  /** Closes with 1000 "Bye bye!", as the demo's client does. */
  disconnect(): void {
    this.#client?.disconnectFromHost(CloseCode.NORMAL, 'Bye bye!');
  }

  /** Sends `"nick: text"`; logs it with its destination and frame type. */
  send(message: ChatMessage): ErrorCode {
    const client = this.#client;
    if (client === null || this.connectionStatus !== ConnectionStatus.CONNECTION_CONNECTED) {
      return ErrorCode.ERR_UNCONFIGURED;
    }
    const text = `${message.nick}: ${message.text}`;
    let err: ErrorCode;
    let meta: string;
    if (client.isMultiplayer) {
      const last = this.#lastConnected;
      const to = { broadcast: 0, last, 'all-but-last': -last }[message.destination];
      client.setTargetPeer(to);
      err = client.putPacket(encodeChat(text, true));
      meta = `to ${this.#describe(to)} · binary`;
    } else {
      const peer = client.getPeer(1);
      peer?.setWriteMode(message.binary ? WriteMode.BINARY : WriteMode.TEXT);
      err = peer?.putPacket(encodeChat(text, message.binary)) ?? ErrorCode.ERR_UNCONFIGURED;
      meta = `to everyone else · ${message.binary ? 'binary' : 'text'}`;
    }
    if (err === ErrorCode.OK) this.#log.add(text, 'own', meta);
    else this.#log.add(`Not sent: ${errorName(err)}`, 'warning');
    return err;
  }

  poll(): void {
    this.#client?.poll();
  }

  status(): SessionStatus {
    const client = this.#client;
    const peer = client?.getPeer(1);
    if (client == null || peer == null) return CLOSED_STATUS;
    const mp = client.isMultiplayer;
    return {
      state: stateName(peer.readyState, mp ? client.getConnectionStatus() : undefined),
      protocol: peer.selectedProtocol,
      peerId: mp ? client.getUniqueId() : null,
    };
  }

  #ended(why: string): void {
    this.#log.add(why, 'warning');
    this.roster.clear();
  }

  #receiveRaw(client: WebSocketClient): void {
    const peer = client.getPeer(1);
    if (peer === null) return;
    const packet = peer.getPacket();
    const frame = peer.wasStringPacket() ? 'text' : 'binary';
    const text = decodeChat(packet, peer.wasStringPacket());
    if (text === null) {
      this.#log.add(`Ignored a ${frame} message that is not chat text`, 'warning');
      return;
    }
    if (this.roster.announce(text)) {
      this.#log.add(text, 'info', `server · ${frame}`);
      return;
    }
    const says = /^\[(\d+)\] Says: ([\s\S]*)$/.exec(text);
    if (says === null) {
      this.#log.add(text, 'message', `server · ${frame}`);
      return;
    }
    const from = Number(says[1]);
    this.roster.learn(from, says[2] ?? '');
    this.#log.add(says[2] ?? '', 'message', `from #${from} · ${frame}`);
  }

  #receiveMultiplayer(client: WebSocketClient): void {
    while (client.getAvailablePacketCount() > 0) {
      const from = client.getPacketPeer();
      const text = decodeChat(client.getPacket(), false);
      if (text === null) {
        this.#log.add(`Ignored a packet from #${from} that is not a String`, 'warning');
      } else if (from === 1) {
        this.roster.announce(text);
        this.#log.add(text, 'info', 'server · binary');
      } else {
        this.roster.learn(from, text);
        this.#log.add(text, 'message', `from #${from} · binary`);
      }
    }
  }

  #describe(to: number): string {
    if (to === 0) return 'everyone';
    if (to === 1) return 'the server';
    return to > 0 ? this.roster.nameOf(to) : `everyone but ${this.roster.nameOf(-to)}`;
  }
}
