import type {
  ConnectionListener,
  ListenerEvents,
  ListenerFactory,
  ListenOptions,
  PendingConnection,
} from './connection-listener.js';
import { CloseCode } from './constants/close-code.js';
import { FullWebSocketPeer } from './full-websocket-peer.js';
import { Heartbeat } from './heartbeat.js';
import { PEER_CLASS } from './internal-keys.js';
import { selectProtocol } from './select-protocol.js';
import type { ConnectOptions, Transport, TransportConnector, TransportEvents } from './transport.js';
import { utf8Length } from './utf8.js';

/**
 * One end of an in-memory WebSocket. Everything is delivered asynchronously (a microtask later),
 * bytes are copied as a network would, and close handshakes behave like real ones.
 */
class LoopbackTransport implements Transport {
  readonly adapter = 'loopback';
  readonly remoteAddress = '127.0.0.1';
  readonly remotePort: number;
  other: LoopbackTransport | null = null;
  /** What this end reports to. */
  readonly events: TransportEvents;
  #open = true;
  #paused = false;
  #held: Array<() => void> = [];
  #beat: Heartbeat | undefined;
  /** Bytes sent and not yet delivered (in flight, or held by a paused receiver): the network backlog. */
  #inFlight = 0;
  readonly #maxMessageSize: number;

  constructor(events: TransportEvents, maxMessageSize: number, port: number) {
    this.events = events;
    this.#maxMessageSize = maxMessageSize;
    this.remotePort = port;
  }

  get bufferedAmount(): number {
    return this.#inFlight;
  }

  sendMany(messages: ReadonlyArray<Uint8Array | string>, count: number): void {
    const other = this.other;
    if (!this.#open || other === null) return;
    for (let i = 0; i < count; i++) {
      const m = messages[i] as Uint8Array | string;
      const data = typeof m === 'string' ? m : m.slice();
      const size = typeof data === 'string' ? utf8Length(data) : data.byteLength;
      this.#inFlight += size;
      other.deliver(() => {
        this.#inFlight -= size;
        other.#receive(data);
      });
    }
  }

  close(code: number, reason: string): void {
    const other = this.other;
    if (!this.#open) return;
    this.#open = false;
    queueMicrotask(() => {
      other?.deliver(() => other.#remoteClosed(code, reason));
      this.events.onClose(code, reason, true);
    });
  }

  terminate(): void {
    if (!this.#open) return;
    this.#open = false;
    const other = this.other;
    queueMicrotask(() => {
      if (other !== null) other.#remoteClosed(-1, '');
    });
  }

  heartbeat(now: number, intervalMs: number, read = true): boolean {
    this.#beat ??= new Heartbeat();
    return this.#beat.beat(now, intervalMs, this, read);
  }

  /** The other end answers a ping a microtask later, as a live peer would. */
  ping(): void {
    if (this.#open) queueMicrotask(() => this.#beat?.pong());
  }

  pause(): boolean {
    this.#paused = true;
    return true;
  }

  resume(): void {
    this.#paused = false;
    const held = this.#held;
    this.#held = [];
    for (const task of held) task();
  }

  setNoDelay(): boolean {
    return true;
  }

  /** Runs `task` a microtask later, or holds it while paused. */
  deliver(task: () => void): void {
    queueMicrotask(() => (this.#paused ? this.#held.push(task) : task()));
  }

  #receive(data: Uint8Array | string): void {
    if (!this.#open) return;
    const size = typeof data === 'string' ? utf8Length(data) : data.byteLength;
    if (size > this.#maxMessageSize) {
      this.events.onError('Max payload size exceeded', CloseCode.MESSAGE_TOO_BIG);
      this.close(CloseCode.MESSAGE_TOO_BIG, '');
      return;
    }
    this.events.onMessage(data, typeof data === 'string');
  }

  #remoteClosed(code: number, reason: string): void {
    if (!this.#open) {
      return;
    }
    this.#open = false;
    if (code < 0) this.events.onClose(CloseCode.ABNORMAL, '', false);
    else this.events.onClose(code, reason, true);
  }
}

/**
 * An in-memory network for tests and examples: `listen` is a {@link ListenerFactory} and
 * `connect` a {@link TransportConnector}, so real `WebSocketServer`/`WebSocketPeer` objects talk
 * to each other with no sockets. URLs look like `ws://loopback:<port>/path`.
 */
export class LoopbackNetwork {
  readonly #servers = new Map<number, { options: ListenOptions; events: ListenerEvents }>();
  #nextPort = 40000;

  /** Listener factory for `new WebSocketServer({ listen })`. */
  readonly listen: ListenerFactory = (options, events) => this.#startListener(options, events);

  /** Transport connector for `new WebSocketPeer({ connect })`; clients built with it get a `FullWebSocketPeer` (it pings, pauses). */
  readonly connect: TransportConnector = Object.assign(
    (url: string, options: ConnectOptions, events: TransportEvents) => this.#startClient(url, options, events),
    { [PEER_CLASS]: FullWebSocketPeer },
  );

  #startListener(options: ListenOptions, events: ListenerEvents): ConnectionListener {
    const port = options.port === 0 ? this.#nextPort++ : options.port;
    if (this.#servers.has(port)) {
      queueMicrotask(() => events.onListenError(`listen EADDRINUSE: loopback port ${port}`, 'EADDRINUSE'));
      return { port: 0, close: () => {} };
    }
    this.#servers.set(port, { options, events });
    queueMicrotask(() => events.onListening(port));
    return { port, close: () => this.#servers.delete(port) };
  }

  #startClient(url: string, options: ConnectOptions, events: TransportEvents): Transport {
    const parsed = new URL(url);
    const port = Number(parsed.port || 80);
    const client = new LoopbackTransport(events, options.maxMessageSize, port);
    queueMicrotask(() => {
      const server = this.#servers.get(port);
      if (server === undefined) {
        events.onError(`connect ECONNREFUSED loopback:${port}`);
        events.onClose(CloseCode.ABNORMAL, '', false);
        return;
      }
      if (server.options.path !== undefined && parsed.pathname !== server.options.path) {
        this.#refuse(events, 404);
        return;
      }
      server.events.onConnection(this.#pending(url, parsed, options, client));
    });
    return client;
  }

  #pending(url: string, parsed: URL, options: ConnectOptions, client: LoopbackTransport): PendingConnection {
    return {
      remoteAddress: '127.0.0.1',
      remotePort: 50000,
      path: parsed.pathname + parsed.search,
      url,
      protocols: options.protocols,
      headers: { host: parsed.host },
      selectProtocol: (supported) => selectProtocol(options.protocols, supported),
      accept: (protocol, _headers, maxMessageSize, serverEvents) => {
        const server = new LoopbackTransport(serverEvents, maxMessageSize, 50000);
        server.other = client;
        client.other = server;
        queueMicrotask(() => {
          if (options.protocols.length > 0 && !options.protocols.includes(protocol)) {
            client.events.onError('Server sent an invalid subprotocol');
            client.terminate();
            client.events.onClose(CloseCode.ABNORMAL, '', false);
            return;
          }
          serverEvents.onOpen(protocol);
          client.events.onOpen(protocol);
        });
        return server;
      },
      reject: (status) => this.#refuse(client.events, status),
      isAlive: () => true,
    };
  }

  #refuse(events: TransportEvents, status: number): void {
    queueMicrotask(() => {
      events.onError(`Unexpected server response: ${status}`);
      events.onClose(CloseCode.ABNORMAL, '', false);
    });
  }
}
