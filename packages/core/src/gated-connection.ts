import type { PendingConnection } from './connection-listener.js';
import type { SenderGate } from './sender-gate.js';
import type { Transport, TransportEvents } from './transport.js';

/**
 * The pending connection a {@link SenderGate} hands its peer: the real one, except that accepting it
 * puts the gate between the socket and the peer. A class rather than an object literal, so each
 * accepted client allocates one small object instead of a closure per member (a burst of
 * connections then makes less garbage).
 */
export class GatedConnection implements PendingConnection {
  readonly #pending: PendingConnection;
  readonly #gate: SenderGate;
  readonly #closeTimeoutMs: number;

  /** `pending` seen through `gate`, whose transport closes with the server's `closeTimeoutMs`. */
  constructor(pending: PendingConnection, gate: SenderGate, closeTimeoutMs: number) {
    this.#pending = pending;
    this.#gate = gate;
    this.#closeTimeoutMs = closeTimeoutMs;
  }

  /** Remote IP address. */
  get remoteAddress(): string {
    return this.#pending.remoteAddress;
  }

  /** Remote port. */
  get remotePort(): number {
    return this.#pending.remotePort;
  }

  /** The request path including the query string. */
  get path(): string {
    return this.#pending.path;
  }

  /** `ws://host/path` or `wss://host/path` as the client asked for it. */
  get url(): string {
    return this.#pending.url;
  }

  /** Subprotocols the client asked for, in its order. */
  get protocols(): readonly string[] {
    return this.#pending.protocols;
  }

  /** Request headers, names lower-cased. */
  get headers(): Readonly<Record<string, string>> {
    return this.#pending.headers;
  }

  /** The subprotocol Godot's rule picks from `supported` (see `PendingConnection.selectProtocol`). */
  selectProtocol(supported: readonly string[]): string | null {
    return this.#pending.selectProtocol(supported);
  }

  /** Completes the upgrade with the gate in between; returns the gate as the peer's transport. */
  accept(protocol: string, headers: readonly string[], maxMessageSize: number, events: TransportEvents): Transport {
    return this.#gate.attach(this.#pending, protocol, headers, maxMessageSize, events, this.#closeTimeoutMs);
  }

  /** Refuses the upgrade. */
  reject(status: number, reason: string): void {
    this.#pending.reject(status, reason);
  }

  /** False once the client went away or the handshake timed out before a decision. */
  isAlive(): boolean {
    return this.#pending.isAlive();
  }
}
