import { ErrorCode } from './constants/error-code.js';

/**
 * Validates a WebSocket URL the way Godot 4's `connect_to_url` does: it must be non-empty, start
 * with `ws://` or `wss://` and name a host. Returns `OK` or `ERR_INVALID_PARAMETER`.
 */
export function checkUrl(url: string): ErrorCode {
  if (typeof url !== 'string' || url.trim() === '') return ErrorCode.ERR_INVALID_PARAMETER;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return ErrorCode.ERR_INVALID_PARAMETER;
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return ErrorCode.ERR_INVALID_PARAMETER;
  if (parsed.hostname === '') return ErrorCode.ERR_INVALID_PARAMETER;
  return ErrorCode.OK;
}
