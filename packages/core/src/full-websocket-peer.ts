import type { PendingConnection } from './connection-listener.js';
import { CloseCode } from './constants/close-code.js';
import { CloseReason } from './constants/close-reason.js';
import { ErrorCode } from './constants/error-code.js';
import { State } from './constants/state.js';
import {
  BEAT,
  BEAT_TIMER,
  HEADERS,
  INBOUND,
  LINK_CONTROL,
  LINK_MESSAGE,
  OPEN,
  PAUSED,
  PROTOCOLS,
  RECONNECT,
  TRANSPORT,
} from './internal-keys.js';
import { msg } from './msg.js';
import { LinkEvent } from './peer-link.js';
import type { Transport, TransportEvents } from './transport.js';
import { runInTurn } from './turn.js';
import { warnOnce } from './warn-once.js';
import { WebSocketPeer } from './websocket-peer.js';

/** Stands for an empty `supportedProtocols` or `handshakeHeaders` that was never read. */
const NO_STRINGS: readonly string[] = [];

/**
 * The reason a peer reports for the protocol failures a transport signals by close code (`ws` and
 * the loopback do; browsers never tell): its error message stays the `lastErrorMessage`.
 */
const FAILURE_REASONS: Record<number, string> = {
  [CloseCode.MESSAGE_TOO_BIG]: CloseReason.MESSAGE_TOO_BIG,
  [CloseCode.PROTOCOL_ERROR]: CloseReason.PROTOCOL_ERROR,
  [CloseCode.INVALID_PAYLOAD]: CloseReason.INVALID_PAYLOAD,
};

/**
 * `WebSocketPeer`'s message handler, called directly: V8 runs a keyed `super[LINK_MESSAGE](...)` through
 * a slow generic path (a micro-benchmark of receive, getPacket and send: 60 ns a message with it, 40 ns
 * with this, as before the split).
 */
const baseLinkMessage = WebSocketPeer.prototype[LINK_MESSAGE];

/**
 * {@link WebSocketPeer} with what needs a transport that can serve, ping, pause and tell its
 * address (Node's, the loopback): `acceptStream`, the heartbeat (and its timer with `autoPoll`),
 * inbound back-pressure (reading pauses while the inbound queue is full), `getConnectedHost`,
 * `getConnectedPort` and `setNoDelay`. The same public API: browsers get the plain class, whose
 * versions of these members warn once and return what a browser can. Servers, the Node entry and
 * clients built with `connectNode` use this one. It adds no member (its state is declared on
 * `WebSocketPeer`), so the objects of either class fit the other's type.
 */
export class FullWebSocketPeer extends WebSocketPeer {
  /** When true, `poll()` runs by itself as soon as anything arrives (a microtask, no timer delay). */
  override get autoPoll(): boolean {
    return super.autoPoll;
  }

  /** Sets `autoPoll` (see the getter); starts or stops the heartbeat's timer. */
  override set autoPoll(enabled: boolean) {
    super.autoPoll = enabled;
    if (!enabled) stopBeatTimer(this);
    else if (this.heartbeatInterval > 0 && this[TRANSPORT]?.heartbeat !== undefined) startBeatTimer(this);
  }

  /**
   * Server side of the upgrade (Godot's `accept_stream`): completes a pending connection with this
   * peer's `supportedProtocols` and `handshakeHeaders`. Returns `ERR_ALREADY_IN_USE` unless `CLOSED`,
   * or `ERR_INVALID_PARAMETER` (and refuses the connection) when no subprotocol matches.
   */
  override acceptStream(connection: PendingConnection): ErrorCode {
    if (this.readyState !== State.CLOSED) return ErrorCode.ERR_ALREADY_IN_USE;
    const protocol = connection.selectProtocol(this[PROTOCOLS] ?? NO_STRINGS);
    if (protocol === null) {
      this.debug?.refused(connection.url, 400, 'No matching subprotocol');
      connection.reject(400, 'No matching subprotocol');
      return ErrorCode.ERR_INVALID_PARAMETER;
    }
    this[OPEN](connection.url, (events) =>
      connection.accept(protocol, this[HEADERS] ?? NO_STRINGS, this.inboundBufferSize, events),
    );
    return ErrorCode.OK;
  }

  /** Removes and returns the next packet (see `WebSocketPeer.getPacket`); resumes reading once the queue is half empty. */
  override getPacket(): Uint8Array {
    const packet = super.getPacket();
    if (this[PAUSED] === true) resume(this);
    return packet;
  }

  /** Like `getPacket`, text frames as a `string` (see `WebSocketPeer.getMessage`); resumes reading as `getPacket`. */
  override getMessage(): Uint8Array | string | null {
    const message = super.getMessage();
    if (this[PAUSED] === true) resume(this);
    return message;
  }

  /** The remote IP address (`""` when not connected). */
  override getConnectedHost(): string {
    const transport = this[TRANSPORT];
    if (transport === null) return '';
    const address = transport.remoteAddress ?? '';
    if (address === '') unsupported(this, 'getConnectedHost');
    return address;
  }

  /** The remote port (`0` when not connected). */
  override getConnectedPort(): number {
    const transport = this[TRANSPORT];
    if (transport === null) return 0;
    const port = transport.remotePort ?? 0;
    if (port === 0) unsupported(this, 'getConnectedPort');
    return port;
  }

  /** Turns Nagle's algorithm off (the default) or on. */
  override setNoDelay(enabled: boolean): ErrorCode {
    const transport = this[TRANSPORT];
    if (transport === null) return ErrorCode.ERR_UNCONFIGURED;
    if (transport.setNoDelay?.(enabled) === true) return ErrorCode.OK;
    unsupported(this, 'setNoDelay');
    return ErrorCode.ERR_UNAVAILABLE;
  }

  /** Called by the link for every message: queues it, and pauses reading once the queue is full. */
  override [LINK_MESSAGE](data: Uint8Array | string, isText: boolean): void {
    baseLinkMessage.call(this, data, isText);
    if (this[PAUSED] === true) return;
    const inbound = this[INBOUND];
    if (inbound.bytes >= this.inboundBufferSize || inbound.unpublished + inbound.length >= this.maxQueuedPackets) {
      this[PAUSED] = (this[TRANSPORT] as Transport).pause?.() === true;
    }
  }

  /**
   * Called by the link for every control event. An error that fails the connection with 1002,
   * 1007 or 1009 is queued as two: the code with its reason (the first error with a code sets the
   * close code and reason reported), then the transport's message (`lastErrorMessage`).
   */
  override [LINK_CONTROL](kind: number, text: string, code: number, wasClean: boolean): void {
    const reason = kind === LinkEvent.ERROR ? FAILURE_REASONS[code] : undefined;
    if (reason !== undefined) {
      super[LINK_CONTROL](kind, reason, code, wasClean);
      super[LINK_CONTROL](kind, text, 0, wasClean);
    } else {
      super[LINK_CONTROL](kind, text, code, wasClean);
    }
  }

  /** Starts a connection (see `WebSocketPeer`); a new connection reads. */
  override [OPEN](url: string, create: (events: TransportEvents) => Transport): void {
    this[PAUSED] = false;
    super[OPEN](url, create);
  }

  /**
   * The heartbeat, run by `poll()` while open with a `heartbeatInterval`: pings, and drops the
   * connection once a ping went unanswered (see `Transport.heartbeat`). With `autoPoll`, a timer
   * polls every eighth of an interval, so a silent connection is judged too.
   */
  override [BEAT](): void {
    const transport = this[TRANSPORT] as Transport;
    if (transport.heartbeat === undefined) {
      warnOnce('heartbeat', msg`heartbeatInterval: browsers cannot ping (let the server ping).`);
      return;
    }
    if (this.autoPoll) startBeatTimer(this);
    if (!transport.heartbeat(performance.now(), this.heartbeatInterval * 1000)) {
      this.close(-1, CloseReason.HEARTBEAT_TIMEOUT); // (-1: drops it at once, no close frame)
      this.reconnect?.[RECONNECT](this, true); // (its attempt starts later: observers hear of the drop first)
    }
  }
}

/** Resumes reading once `peer` returned a packet and its inbound queue is half empty. */
function resume(peer: FullWebSocketPeer): void {
  if (peer.getPacketError() !== ErrorCode.OK || peer[INBOUND].bytes >= peer.inboundBufferSize / 2) return;
  peer[PAUSED] = false;
  peer[TRANSPORT]?.resume?.();
}

/**
 * Starts the heartbeat timer of an auto-polled `peer` unless it runs. It stops itself once no
 * longer wanted (the connection ended, `autoPoll` or the heartbeat turned off), and does not keep a
 * Node process alive on its own (the socket does, while it is open).
 */
function startBeatTimer(peer: FullWebSocketPeer): void {
  if (peer[BEAT_TIMER] !== undefined) return;
  const poll = (): void => peer.poll();
  const timer: unknown = setInterval(
    () => {
      if (peer.autoPoll && peer.heartbeatInterval > 0 && peer[TRANSPORT] !== null) runInTurn(poll, 'poll');
      else stopBeatTimer(peer);
    },
    Math.max(10, (peer.heartbeatInterval * 1000) / 8),
  );
  (timer as { unref?: () => void }).unref?.();
  peer[BEAT_TIMER] = timer;
}

function stopBeatTimer(peer: FullWebSocketPeer): void {
  clearInterval(peer[BEAT_TIMER] as number | undefined); // (undefined: a no-op)
  peer[BEAT_TIMER] = undefined;
}

function unsupported(peer: FullWebSocketPeer, member: string): void {
  warnOnce(member, msg`${member} is not available with the "${peer.adapter}" transport.`);
}
