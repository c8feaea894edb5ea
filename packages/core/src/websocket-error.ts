import type { ErrorCode } from './constants/error-code.js';

/**
 * What async helpers reject with: a Godot error code plus, when a connection ended, its close code
 * and reason. Synchronous methods return the code instead of throwing this. The message starts with
 * the code's name (`"ERR_TIMEOUT: timed out after 100 ms waiting for a message"`).
 */
export class WebSocketError extends Error {
  /** The Godot error code, e.g. `ErrorCode.ERR_CANT_CONNECT`. */
  declare readonly code: ErrorCode;
  /** The close code of the connection this error is about (`-1` when it ended uncleanly). */
  declare readonly closeCode: number;
  /** The close reason of the connection this error is about. */
  declare readonly closeReason: string;

  /**
   * `message` is used as given: start it with the code's name (`errorName(code)`, or the literal
   * name where the code is fixed, which keeps the name table out of browser bundles).
   */
  constructor(code: ErrorCode, message: string, closeCode = -1, closeReason = '') {
    super(message);
    this.name = 'WebSocketError';
    this.code = code;
    this.closeCode = closeCode;
    this.closeReason = closeReason;
  }
}
