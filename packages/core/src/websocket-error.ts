import { type ErrorCode, errorName } from './error-code.js';

/**
 * What async helpers reject with: a Godot error code plus, when a connection ended, its close code
 * and reason. Synchronous methods return the code instead of throwing this.
 */
export class WebSocketError extends Error {
  /** The Godot error code, e.g. `ErrorCode.ERR_CANT_CONNECT`. */
  readonly code: ErrorCode;
  /** The close code of the connection this error is about (`-1` when it ended uncleanly). */
  readonly closeCode: number;
  /** The close reason of the connection this error is about. */
  readonly closeReason: string;

  constructor(code: ErrorCode, message: string, closeCode = -1, closeReason = '') {
    super(`${errorName(code)}: ${message}`);
    this.name = 'WebSocketError';
    this.code = code;
    this.closeCode = closeCode;
    this.closeReason = closeReason;
  }
}
