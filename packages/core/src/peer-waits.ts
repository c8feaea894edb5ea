import { ErrorCode } from './constants/error-code.js';
import { State } from './constants/state.js';
import { WebSocketError } from './websocket-error.js';

/** How a connection ended, as `WebSocketPeer.closed()` reports it. */
export interface CloseInfo {
  /** The close code received, or -1 when the connection did not close cleanly. */
  code: number;
  /** The close reason received. */
  reason: string;
  /** Whether close frames were exchanged. */
  wasClean: boolean;
}

/** What the checks read of a peer (a `WebSocketPeer`). */
export interface WaitablePeer {
  /** The ready state. */
  readonly readyState: State;
  /** The selected subprotocol. */
  readonly selectedProtocol: string;
  /** The close code (-1 unclean). */
  readonly closeCode: number;
  /** The close reason. */
  readonly closeReason: string;
  /** The last transport error. */
  readonly lastErrorMessage: string;
  /** Whether the connection had opened. */
  readonly wasOpen: boolean;
  /** Packets available. */
  getAvailablePacketCount(): number;
  /** The next message. */
  getMessage(): Uint8Array | string | null;
}

/**
 * The conditions behind `WebSocketPeer`'s promise helpers, checked after every poll by its
 * `WaiterList`: `undefined` keeps waiting, an `Error` rejects, anything else resolves.
 */

/** `opened()`: the selected protocol once OPEN; an error once CLOSED first. */
export function openedCheck(peer: WaitablePeer): string | Error | undefined {
  const state = peer.readyState;
  if (state === State.OPEN) return peer.selectedProtocol;
  return state === State.CLOSED ? closedError(peer, 'connection failed') : undefined;
}

/** `closed()`: how the connection ended, once CLOSED. */
export function closedCheck(peer: WaitablePeer): CloseInfo | undefined {
  if (peer.readyState !== State.CLOSED) return undefined;
  return { code: peer.closeCode, reason: peer.closeReason, wasClean: peer.closeCode !== -1 };
}

/** `nextMessage()`: the next message; an error once CLOSED with none left. */
export function messageCheck(peer: WaitablePeer): Uint8Array | string | Error | undefined {
  if (peer.getAvailablePacketCount() > 0) return peer.getMessage() as Uint8Array | string;
  return peer.readyState === State.CLOSED ? closedError(peer, 'connection closed before a message arrived') : undefined;
}

/** `ERR_CONNECTION_ERROR` for a connection that had opened, `ERR_CANT_CONNECT` for a failed attempt. */
function closedError(peer: WaitablePeer, what: string): WebSocketError {
  const detail = peer.lastErrorMessage === '' ? '' : ` (${peer.lastErrorMessage})`;
  const code = peer.wasOpen ? ErrorCode.ERR_CONNECTION_ERROR : ErrorCode.ERR_CANT_CONNECT;
  const name = peer.wasOpen ? 'ERR_CONNECTION_ERROR' : 'ERR_CANT_CONNECT';
  return new WebSocketError(code, `${name}: ${what}${detail}`, peer.closeCode, peer.closeReason);
}
